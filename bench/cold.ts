// `npm run bench:cold`: a board of 1,000 notes stored in SQLite, opened cold (no room in memory)
// by a new client through the built server; reports the time until the client is fully synced
// and the bytes sent. Options: --app DIR, --docs N (cold opens per layout), --port N, --no-write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { SqliteStorage } from '../src/lib/server/collab/sqlite-storage';
import { addNote, QUADRANTS } from '../src/lib/activities/pest/model';
import { seedClasses } from './lib/seed';
import { ensureBuilt, raisePriority, startApp } from './lib/proc';
import { fmt } from './lib/stats';
import { machine, table, writeSection } from './lib/results';

const { values: args } = parseArgs({
	options: {
		app: { type: 'string', default: process.cwd() },
		docs: { type: 'string', default: '15' },
		port: { type: 'string', default: '4320' },
		'no-write': { type: 'boolean', default: false }
	}
});
const appDir = path.resolve(args.app);
const perLayout = Number(args.docs);

/** The updates a real session of 1,000 added notes produces, one per note. */
function boardUpdates(notes: number): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < notes; i++) {
		addNote(doc, { quadrant: QUADRANTS[i % 4], text: `第 ${i + 1} 条：客户越来越多用手机下单，门店客流下降`, author: `学员${(i % 30) + 1}`, kind: i % 3 === 0 ? 'opportunity' : null });
	}
	return updates;
}

interface Open {
	totalMs: number;
	serverMs: number;
	clientApplyMs: number;
	bytes: number;
	frames: number;
	notes: number;
}

/** Opens `doc` as a new client; times the upgrade and the exchange until sync step 2 is applied. */
function openCold(url: string, cookie: string): Promise<Open> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		let tOpen = 0;
		let bytes = 0;
		let frames = 0;
		const doc = new Y.Doc();
		const ws = new WebSocket(url, { perMessageDeflate: false, headers: { cookie } });
		ws.on('unexpected-response', (_q, res) => reject(new Error(`refused ${res.statusCode}`)));
		ws.on('error', reject);
		ws.on('open', () => {
			tOpen = performance.now();
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, 0);
			syncProtocol.writeSyncStep1(e, doc);
			ws.send(encoding.toUint8Array(e));
		});
		ws.on('message', (data: Buffer) => {
			bytes += data.byteLength;
			frames++;
			const arrived = performance.now();
			const d = decoding.createDecoder(data);
			if (decoding.readVarUint(d) !== 0) return;
			const reply = encoding.createEncoder();
			encoding.writeVarUint(reply, 0);
			if (syncProtocol.readSyncMessage(d, reply, doc, null) === syncProtocol.messageYjsSyncStep2) {
				const done = performance.now();
				ws.close();
				resolve({ totalMs: done - t0, serverMs: arrived - tOpen, clientApplyMs: done - arrived, bytes, frames, notes: doc.getMap('notes').size });
			}
		});
	});
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main() {
	raisePriority();
	await ensureBuilt(appDir);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-cold-'));
	const dbPath = path.join(dir, 'huddle.db');
	try {
		const [klass] = await seedClasses(dbPath, [{ groups: perLayout * 2, tabletsPerGroup: 0 }]);
		const updates = boardUpdates(1000);
		const merged = Y.mergeUpdates(updates);
		const layouts = { compacted: klass.rooms.slice(0, perLayout), log: klass.rooms.slice(perLayout) };
		const db = new Database(dbPath);
		const storage = new SqliteStorage(db);
		// What a room leaves after it closes (one merged row), and an uncompacted log of 1,000 rows.
		for (const room of layouts.compacted) storage.append(room.doc, merged);
		for (const room of layouts.log) db.transaction(() => updates.forEach((u) => storage.append(room.doc, u)))();
		storage.flush();
		// In-process breakdown of the same work, without sockets: read rows, apply, encode step 2.
		const breakdown = { load: [] as number[], apply: [] as number[], encode: [] as number[] };
		for (const room of layouts.compacted) {
			let t = performance.now();
			const stored = storage.load(room.doc);
			breakdown.load.push(performance.now() - t);
			t = performance.now();
			const ydoc = new Y.Doc();
			for (const u of stored.updates) Y.applyUpdate(ydoc, u);
			breakdown.apply.push(performance.now() - t);
			t = performance.now();
			Y.encodeStateAsUpdate(ydoc);
			breakdown.encode.push(performance.now() - t);
		}
		db.close();
		const server = await startApp({ appDir, dbPath, port: Number(args.port) });
		const results: Record<string, Open[]> = { compacted: [], log: [] };
		try {
			// One warm-up open of another document so the first figure does not include JIT start-up.
			await openCold(`${server.wsBase}${layouts.log[0].doc}`, klass.facilitatorCookie);
			for (const [layout, rooms] of Object.entries(layouts)) {
				for (const room of rooms.slice(layout === 'log' ? 1 : 0)) {
					results[layout].push(await openCold(`${server.wsBase}${room.doc}`, klass.facilitatorCookie));
				}
			}
		} finally {
			await server.stop();
		}
		const rows = Object.entries(results).map(([layout, opens]) => [
			layout === 'compacted' ? '1 stored row (after a session closes)' : '1,000 stored rows (uncompacted log)',
			opens.length,
			`${fmt(median(opens.map((o) => o.serverMs)))} / ${fmt(p95(opens.map((o) => o.serverMs)))}`,
			`${fmt(median(opens.map((o) => o.totalMs)))} / ${fmt(p95(opens.map((o) => o.totalMs)))}`,
			`${opens[0].bytes.toLocaleString('en-US')} B in ${opens[0].frames} frames`,
			opens.every((o) => o.notes === 1000) ? 'yes' : 'NO'
		]);
		const clientApply = median(Object.values(results).flat().map((o) => o.clientApplyMs));
		const text = `## Cold open (\`npm run bench:cold\`)

Machine: ${machine()}.
A PEST board with 1,000 notes (${updates.length} updates of ${fmt(updates.reduce((n, u) => n + u.byteLength, 0) / 1024, 0)} KB; merged ${fmt(merged.byteLength / 1024, 0)} KB) stored in SQLite; a new client (the facilitator's cookie) opens it while no room holds it.
"Server" is from the socket being open (the client sends sync step 1) until the whole sync step 2 frame has arrived: loading the rows, building the document, encoding and sending it. "Total" adds the upgrade with its cookie check and the client applying the frame. Target: server under 50 ms.

${table(['stored as', 'opens', 'server ms (median / p95)', 'total ms (median / p95)', 'bytes sent to the client', 'all 1,000 notes'], rows)}

In-process breakdown for the 1-row layout (median): read rows ${fmt(median(breakdown.load), 2)} ms, apply ${fmt(median(breakdown.apply), 2)} ms, encode the full state ${fmt(median(breakdown.encode), 2)} ms; the client then needs ${fmt(clientApply)} ms to apply it.`;
		console.log(text);
		if (!args['no-write']) writeSection('cold', text);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
