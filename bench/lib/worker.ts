// A load-generator process: holds a share of the clients and answers the coordinator's commands
// over IPC (see load-run.ts). Separate processes keep the generator off the server's event loop.
import type * as Y from 'yjs';
import { Tablet, Watcher, type BenchClient, type Counters } from './client';
import { startStalls } from './stalls.cjs';

/** One client to open. */
export interface ClientSpec {
	room: number;
	doc: string;
	role: 'tablet' | 'watcher';
	cookie: string | null;
	/** Unique over the whole run: note keys start with it. */
	name: string;
}

/** Commands from the coordinator. */
export type Command =
	| { type: 'init'; base: string; specs: ClientSpec[]; periodMs: number; concurrency: number }
	| { type: 'start' }
	| { type: 'measure' }
	| { type: 'report' }
	| { type: 'stop' }
	| { type: 'digest' }
	| { type: 'drop'; count: number; forMs: number }
	| { type: 'close' };

const counters: Counters = { sent: 0, received: 0, bytesReceived: 0, errors: 0, disconnects: 0 };
let latencies: number[] = [];
let measuring = false;
let tablets: { client: Tablet; spec: ClientSpec; timer: NodeJS.Timeout | null }[] = [];
let watchers: { client: Watcher; spec: ClientSpec }[] = [];
let base = '';
let periodMs = 2000;
let mark = { cpu: process.cpuUsage(), at: performance.now(), counters: { ...counters }, edits: 0 };
let stalls: ReturnType<typeof startStalls> | null = null;
const reply = (message: unknown) => process.send?.(message);

const editsSoFar = () => tablets.reduce((n, t) => n + t.client.edits, 0);

// A 32-bit hash of one note's key and stamp; sums of these are order-independent digests.
function noteHash(key: string, t: unknown): number {
	let h = 2166136261;
	const s = `${key}:${t}`;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h >>> 0;
}

function docDigest(doc: Y.Doc, only?: (key: string) => boolean): number {
	let sum = 0;
	for (const [key, note] of doc.getMap<Y.Map<unknown>>('notes')) {
		if (only && !only(key)) continue;
		sum = (sum + noteHash(key, note.get('t'))) >>> 0;
	}
	return sum;
}

async function openAll(specs: ClientSpec[], concurrency: number) {
	const failures: string[] = [];
	let next = 0;
	const opened: BenchClient[] = [];
	async function lane() {
		while (next < specs.length) {
			const spec = specs[next++];
			const url = `${base}${encodeURIComponent(spec.doc)}`;
			const name = spec.name;
			const client =
				spec.role === 'tablet'
					? new Tablet(url, spec.cookie, counters, name)
					: new Watcher(url, spec.cookie, counters, name, (ms) => measuring && latencies.push(ms));
			try {
				await client.connect();
				opened.push(client);
				if (client instanceof Tablet) tablets.push({ client, spec, timer: null });
				else watchers.push({ client: client as Watcher, spec });
			} catch (error) {
				failures.push((error as Error).message);
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, lane));
	return failures;
}

function schedule(entry: (typeof tablets)[number], first: number) {
	let due = performance.now() + first;
	const tick = () => {
		entry.client.edit();
		due += periodMs;
		entry.timer = setTimeout(tick, Math.max(0, due - performance.now()));
	};
	entry.timer = setTimeout(tick, first);
}

process.on('message', async (command: Command) => {
	switch (command.type) {
		case 'init': {
			base = command.base;
			periodMs = command.periodMs;
			const failures = await openAll(command.specs, command.concurrency);
			return reply({ type: 'ready', connected: tablets.length + watchers.length, failed: failures.length, failures: failures.slice(0, 5) });
		}
		case 'start':
			for (const entry of tablets) schedule(entry, Math.random() * periodMs);
			return reply({ type: 'started' });
		case 'measure':
			latencies = [];
			measuring = true;
			mark = { cpu: process.cpuUsage(), at: performance.now(), counters: { ...counters }, edits: editsSoFar() };
			stalls = startStalls();
			return reply({ type: 'measuring' });
		case 'report': {
			const cpu = process.cpuUsage(mark.cpu);
			const seen = stalls?.stop() ?? null;
			stalls = null;
			const delta = Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v - mark.counters[k as keyof Counters]]));
			measuring = false;
			return reply({
				type: 'report',
				latencies,
				seconds: (performance.now() - mark.at) / 1000,
				cpuSeconds: (cpu.user + cpu.system) / 1e6,
				edits: editsSoFar() - mark.edits,
				counters: delta,
				totals: counters,
				stalls: seen
			});
		}
		case 'stop':
			for (const entry of tablets) if (entry.timer) clearTimeout(entry.timer);
			return reply({ type: 'stopped', edits: editsSoFar() });
		case 'digest': {
			// Per room: what the tablets here wrote, and what the watchers here hold of it.
			const rooms: Record<number, { written: number; watched: number; watchers: number }> = {};
			const at = (room: number) => (rooms[room] ??= { written: 0, watched: 0, watchers: 0 });
			for (const { client, spec } of tablets) {
				const prefix = `${client.name}-`;
				at(spec.room).written = (at(spec.room).written + docDigest(client.doc, (k) => k.startsWith(prefix))) >>> 0;
			}
			for (const { client, spec } of watchers) {
				at(spec.room).watched = docDigest(client.doc);
				at(spec.room).watchers++;
			}
			return reply({ type: 'digest', rooms, seen: watchers.reduce((n, w) => n + w.client.seen, 0) });
		}
		case 'drop': {
			// Network fault: these tablets lose their connection, then come back and resync.
			const victims = tablets.slice(0, command.count);
			for (const v of victims) v.client.drop();
			setTimeout(async () => {
				const started = performance.now();
				// Same document, edits made meanwhile included: the sync exchange sends what the server lacks.
				const results = await Promise.allSettled(victims.map((v) => v.client.connect()));
				const failed = results.filter((r) => r.status === 'rejected').length;
				reply({ type: 'reconnected', ms: performance.now() - started, failed });
			}, command.forMs);
			return reply({ type: 'dropped', count: victims.length });
		}
		case 'close':
			for (const t of tablets) if (t.timer) clearTimeout(t.timer);
			for (const c of [...tablets.map((t) => t.client), ...watchers.map((w) => w.client)]) c.close();
			setTimeout(() => process.exit(0), 200);
			return;
	}
});
