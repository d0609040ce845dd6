// Random and mutated y-websocket messages over many connections, while a control room keeps
// editing: the server must stay up, the control room must keep working, memory must stay bounded.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Tablet, Watcher, type Counters } from '../../../bench/lib/client';
import { memory } from '../../../bench/lib/proc';
import { summarise } from '../../../bench/lib/stats';
import type { SeededApp } from './app';

type Kind = 'random' | 'truncated-varint' | 'wrong-type' | 'huge-length' | 'corrupt-update' | 'crafted-count' | 'parked-update' | 'awareness-flood' | 'bad-awareness' | 'valid-update' | 'valid-awareness';

const rnd = (n: number) => Math.floor(Math.random() * n);
const bytes = (n: number) => Uint8Array.from({ length: n }, () => rnd(256));

function build(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}
const syncUpdate = (update: Uint8Array) => build((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)));
const awareness = (entries: [number, number, string][]) =>
	build((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint8Array(
			e,
			build((a) => {
				encoding.writeVarUint(a, entries.length);
				for (const [id, clock, json] of entries) (encoding.writeVarUint(a, id), encoding.writeVarUint(a, clock), encoding.writeVarString(a, json));
			})
		);
	});

/** Real updates to mutate: what a tablet sends. */
function sampleUpdates(): Uint8Array[] {
	const doc = new Y.Doc();
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	const notes = doc.getMap<Y.Map<unknown>>('notes');
	for (let i = 0; i < 8; i++) {
		const n = new Y.Map<unknown>();
		notes.set(`n${i}`, n);
		n.set('text', `note ${i} <b>x</b>`);
		n.set('quadrant', 'PEST'[i % 4]);
	}
	notes.delete('n3');
	out.push(Y.encodeStateAsUpdate(doc));
	return out;
}
const SAMPLES = sampleUpdates();

function mutate(u: Uint8Array): Uint8Array {
	const a = Array.from(u);
	for (let k = 0; k < 1 + rnd(3); k++) {
		const p = rnd(a.length + 1);
		switch (rnd(4)) {
			case 0: a[p] = rnd(256); break;
			case 1: a.splice(p, 0, 0xff, 0xff, 0xff, 0x7f); break;
			case 2: a.splice(p, 1 + rnd(4)); break;
			default: a.length = p;
		}
	}
	return Uint8Array.from(a.map((x) => (x ?? 0) & 255));
}

/** One message of a kind (see the report for counts per kind). */
export function message(kind: Kind, seq: number): Uint8Array {
	switch (kind) {
		case 'random': return bytes(rnd(64));
		case 'truncated-varint': return Uint8Array.from([rnd(2), ...Array(1 + rnd(9)).fill(0xff)]);
		case 'wrong-type': return rnd(2) ? Uint8Array.from([4 + rnd(250), ...bytes(rnd(8))]) : Uint8Array.from([0, 3 + rnd(100), 1, 0]);
		case 'huge-length': return build((e) => (encoding.writeVarUint(e, rnd(2)), rnd(2) && encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 2 ** 31 + rnd(1000)), encoding.writeUint8Array(e, bytes(8))));
		case 'corrupt-update': return syncUpdate(mutate(SAMPLES[rnd(SAMPLES.length)]));
		case 'crafted-count':
			// Struct counts the bytes cannot hold (yjs#687): first client, or hidden behind a valid one.
			return syncUpdate(rnd(2) ? build((e) => [1, 1e6 + rnd(3e7), 7, 0, 0].forEach((v) => encoding.writeVarUint(e, v))) : build((e) => [2, 1, 7, 0, 0, 1, 1e6 + rnd(3e7), 8, 0, 0].forEach((v) => encoding.writeVarUint(e, v))));
		case 'parked-update': {
			// A change whose predecessor never comes: Yjs parks it.
			const d = new Y.Doc();
			const t = d.getText('t');
			t.insert(0, 'a');
			const before = Y.encodeStateVector(d);
			t.insert(1, 'x'.repeat(200 + rnd(2000)));
			return syncUpdate(Y.encodeStateAsUpdate(d, before));
		}
		case 'awareness-flood': return awareness(Array.from({ length: 50 + rnd(200) }, (_, i) => [seq * 1000 + i, 1, JSON.stringify({ cursor: i, pad: 'x'.repeat(rnd(100)) })]));
		case 'bad-awareness': return awareness([[rnd(1e6), 1, rnd(2) ? '{"x":' : '[1,2]']]);
		case 'valid-update': {
			const d = new Y.Doc();
			d.getMap<string>('notes').set(`fuzz-${seq}`, 'ok');
			return syncUpdate(Y.encodeStateAsUpdate(d));
		}
		case 'valid-awareness': return awareness([[100000 + seq, seq + 1, JSON.stringify({ cursor: seq })]]);
	}
}

const HOSTILE: Kind[] = ['random', 'truncated-varint', 'wrong-type', 'huge-length', 'corrupt-update', 'crafted-count', 'parked-update', 'awareness-flood', 'bad-awareness'];

/** Sends `perConnection` messages on one socket (valid ones mixed in), then waits for it to close. */
function fuzzConnection(url: string, cookie: string, perConnection: number, counts: Record<string, number>, closes: Record<string, number>, seq: number): Promise<void> {
	return new Promise((resolve) => {
		const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(() => (ws.terminate(), done()), 15_000);
		ws.on('error', () => {});
		ws.on('unexpected-response', (_q, res) => ((closes[`http ${res.statusCode}`] = (closes[`http ${res.statusCode}`] ?? 0) + 1), ws.terminate(), done()));
		ws.on('close', (code) => ((closes[code] = (closes[code] ?? 0) + 1), done()));
		ws.on('open', () => {
			for (let i = 0; i < perConnection; i++) {
				const kind: Kind = Math.random() < 0.3 ? (Math.random() < 0.5 ? 'valid-update' : 'valid-awareness') : HOSTILE[rnd(HOSTILE.length)];
				counts[kind] = (counts[kind] ?? 0) + 1;
				ws.send(message(kind, seq * perConnection + i));
			}
			// Whatever the server made of it, this socket is done: close it if the server has not.
			setTimeout(() => ws.close(), 200);
		});
	});
}

/** Fuzzes the rooms of the first class; the last room is the control room that keeps editing. */
export async function fuzz(app: SeededApp, options: { messages: number; perConnection: number; parallel: number }) {
	const rooms = app.classes[0].rooms;
	const targets = rooms.slice(0, -1);
	const control = rooms.at(-1)!;
	const counters: Counters = { sent: 0, received: 0, bytesReceived: 0, errors: 0, disconnects: 0 };
	const latencies: number[] = [];
	const curl = `${app.server.wsBase}${control.doc}`;
	const tablet = new Tablet(curl, control.tablets[0], counters, 'control');
	const watcher = new Watcher(curl, control.watcher, counters, 'control-watch', (ms) => latencies.push(ms));
	await Promise.all([tablet.connect(), watcher.connect()]);
	const editing = setInterval(() => tablet.edit(), 100);
	const rss = [memory(app.server.pid).rssMb];
	const sampler = setInterval(() => app.server.alive && rss.push(memory(app.server.pid).rssMb), 250);
	const counts: Record<string, number> = {};
	const closes: Record<string, number> = {};
	const connections = Math.ceil(options.messages / options.perConnection);
	const t0 = performance.now();
	let next = 0;
	async function lane() {
		while (next < connections && app.server.alive) {
			const i = next++;
			const room = targets[i % targets.length];
			await fuzzConnection(`${app.server.wsBase}${room.doc}`, room.tablets[i % room.tablets.length], options.perConnection, counts, closes, i);
		}
	}
	await Promise.all(Array.from({ length: options.parallel }, lane));
	const seconds = (performance.now() - t0) / 1000;
	clearInterval(editing);
	clearInterval(sampler);
	await new Promise((r) => setTimeout(r, 500));
	const health = app.server.alive ? (await fetch(`${app.server.url}/healthz`)).status : 0;
	const controlConverged = watcher.doc.getMap('notes').size === tablet.doc.getMap('notes').size;
	const controlDisconnects = counters.disconnects;
	tablet.close();
	watcher.close();
	return {
		messages: Object.values(counts).reduce((a, b) => a + b, 0),
		connections,
		seconds,
		byKind: counts,
		closeCodes: closes,
		serverAlive: app.server.alive,
		health,
		rssStartMb: rss[0],
		rssPeakMb: Math.max(...rss),
		rssEndMb: rss.at(-1)!,
		controlEdits: tablet.edits,
		controlLatency: summarise(latencies),
		controlConverged,
		controlDisconnects
	};
}
