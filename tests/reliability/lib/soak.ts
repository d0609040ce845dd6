// Soak: a moderate classroom load for a long time, as a training centre sees it: classes work
// for a while, leave, and new classes come in. Memory and open handles must not creep, and every
// room must unload (compacting its log to one row) once its clients have left.
//
// Memory is compared at the same point of each session (just after one set of classes has
// replaced the previous one), so that what grows is what stays behind, not the open boards'
// own edit history, which a CRDT keeps while a board is open and drops when it unloads.
import Database from 'better-sqlite3';
import { Generator, type LoadRoom } from '../../../bench/lib/load-run';
import type { SeededClass } from '../../../bench/lib/seed';
import { cpuSeconds, memory, openHandles } from '../../../bench/lib/proc';
import type { SeededApp } from './app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rowsPerDoc(dbPath: string): { docs: number; docsWithLog: number; rows: number } {
	const db = new Database(dbPath, { readonly: true });
	try {
		const rows = db.prepare('SELECT doc, count(*) AS n FROM yjs_update GROUP BY doc').all() as { doc: string; n: number }[];
		return { docs: rows.length, docsWithLog: rows.filter((r) => r.n > 1).length, rows: rows.reduce((a, r) => a + r.n, 0) };
	} finally {
		db.close();
	}
}

const roomsOf = (classes: SeededClass[]): LoadRoom[] => classes.flatMap((c) => c.rooms.map((r) => ({ doc: r.doc, tablets: r.tablets, watcher: r.watcher })));

/** What one session (set of classes) did before it left. */
interface Session {
	sockets: number;
	edits: number;
	errors: number;
	diverged: number;
}

/** Opens one session's clients and starts their edits. */
async function begin(app: SeededApp, rooms: LoadRoom[]): Promise<{ generator: Generator; sockets: number; failed: number }> {
	const generator = new Generator(2);
	const opened = await generator.open(app.server, rooms, 2000);
	await generator.all({ type: 'start' }, 'started');
	return { generator, sockets: opened.sockets, failed: opened.failed };
}

/** Stops a session's edits, checks every console got everything, and closes its clients. */
async function end(generator: Generator, failed: number, sockets: number): Promise<Session> {
	const reports = await generator.all<{ type: string; edits: number; totals: { errors: number; disconnects: number } }>({ type: 'report' }, 'report');
	await generator.all({ type: 'stop' }, 'stopped');
	const drained = await generator.converge(15_000);
	await generator.close();
	return {
		sockets,
		edits: reports.reduce((n, r) => n + r.edits, 0),
		errors: reports.reduce((n, r) => n + r.totals.errors + r.totals.disconnects, 0) + failed,
		diverged: drained.diverged
	};
}

/**
 * Runs `sessions` successive sets of classes (app.classes split evenly) over `seconds`, each
 * taking over from the previous one without a gap, sampling the server every `sampleS`.
 */
export async function soak(app: SeededApp, options: { seconds: number; sessions: number; warmupS: number; sampleS: number; log?: (line: string) => void }) {
	const perSession = Math.floor(app.classes.length / options.sessions);
	const sessions = Array.from({ length: options.sessions }, (_, i) => roomsOf(app.classes.slice(i * perSession, (i + 1) * perSession)));
	const pid = app.server.pid;
	const idle = { ...memory(pid), handles: openHandles(pid) };
	const sessionMs = (options.seconds * 1000) / options.sessions;
	const done: Session[] = [];
	let current = await begin(app, sessions[0]);
	await sleep(options.warmupS * 1000);
	const start = { ...memory(pid), handles: openHandles(pid), cpu: cpuSeconds(pid), at: performance.now() };
	const samples: { s: number; rssMb: number; handles: number }[] = [];
	const handovers: { s: number; rssMb: number; handles: number }[] = [];
	const sample = (into: typeof samples, what: string) => {
		const m = memory(pid);
		into.push({ s: Math.round((performance.now() - start.at) / 1000), rssMb: m.rssMb, handles: openHandles(pid) });
		options.log?.(`  soak ${into.at(-1)!.s} s${what}: RSS ${m.rssMb.toFixed(0)} MB, ${into.at(-1)!.handles} handles`);
	};
	let nextSample = start.at + options.sampleS * 1000;
	for (let i = 1; i <= options.sessions; i++) {
		const handoverAt = start.at + i * sessionMs;
		while (performance.now() < handoverAt) {
			await sleep(Math.max(0, Math.min(nextSample, handoverAt) - performance.now()));
			if (performance.now() >= nextSample) {
				sample(samples, '');
				nextSample += options.sampleS * 1000;
			}
		}
		if (i === options.sessions) break;
		// The next classes arrive before the previous ones leave: the load never pauses.
		const next = await begin(app, sessions[i]);
		done.push(await end(current.generator, current.failed, current.sockets));
		current = next;
		await sleep(3000);
		sample(handovers, ` (session ${i + 1} took over)`);
	}
	const endSample = { ...memory(pid), handles: openHandles(pid), cpu: cpuSeconds(pid), at: performance.now() };
	const beforeLeaving = rowsPerDoc(app.dbPath);
	done.push(await end(current.generator, current.failed, current.sockets));
	await sleep(3000);
	const left = { ...memory(pid), handles: openHandles(pid), rows: rowsPerDoc(app.dbPath) };
	const first = handovers[0];
	const last = handovers.at(-1)!;
	return {
		sessions: done,
		socketsPerSession: Math.max(...done.map((s) => s.sockets)),
		roomsPerSession: sessions[0].length,
		minutes: (endSample.at - start.at) / 60_000,
		sessionMinutes: sessionMs / 60_000,
		edits: done.reduce((n, s) => n + s.edits, 0),
		serverCores: (endSample.cpu - start.cpu) / ((endSample.at - start.at) / 1000),
		idle,
		start,
		end: endSample,
		handovers,
		firstHandover: first,
		lastHandover: last,
		/** Growth between the first and the last handover: what stays behind session after session. */
		rssGrowth: last.rssMb / first.rssMb - 1,
		handleGrowth: last.handles / first.handles - 1,
		samples,
		errors: done.reduce((n, s) => n + s.errors, 0),
		roomsDiverged: done.reduce((n, s) => n + s.diverged, 0),
		beforeLeaving,
		afterLeaving: left
	};
}
