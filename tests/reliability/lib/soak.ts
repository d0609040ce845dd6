// Soak: a moderate classroom load for a long time; memory and open handles must not creep, and
// every room must unload (compacting its log to one row) once its clients have left.
import Database from 'better-sqlite3';
import { Generator } from '../../../bench/lib/load-run';
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

/** Runs the standard load on every room of `app` for `seconds`, sampling the server every `sampleS`. */
export async function soak(app: SeededApp, options: { seconds: number; warmupS: number; sampleS: number; log?: (line: string) => void }) {
	const rooms = app.classes.flatMap((c) => c.rooms.map((r) => ({ doc: r.doc, tablets: r.tablets, watcher: r.watcher })));
	const generator = new Generator(2);
	const pid = app.server.pid;
	const idle = { ...memory(pid), handles: openHandles(pid) };
	const opened = await generator.open(app.server, rooms, 2000);
	await generator.all({ type: 'start' }, 'started');
	await sleep(options.warmupS * 1000);
	const start = { ...memory(pid), handles: openHandles(pid), cpu: cpuSeconds(pid), at: performance.now() };
	const samples: { s: number; rssMb: number; handles: number }[] = [];
	while (performance.now() - start.at < options.seconds * 1000) {
		await sleep(options.sampleS * 1000);
		const m = memory(pid);
		samples.push({ s: Math.round((performance.now() - start.at) / 1000), rssMb: m.rssMb, handles: openHandles(pid) });
		options.log?.(`  soak ${samples.at(-1)!.s} s: RSS ${m.rssMb.toFixed(0)} MB, ${samples.at(-1)!.handles} handles`);
	}
	const end = { ...memory(pid), handles: openHandles(pid), cpu: cpuSeconds(pid), at: performance.now() };
	const reports = await generator.all<{ type: string; edits: number; totals: { errors: number; disconnects: number } }>({ type: 'report' }, 'report');
	await generator.all({ type: 'stop' }, 'stopped');
	const drained = await generator.converge(15_000);
	const beforeLeaving = rowsPerDoc(app.dbPath);
	await generator.close();
	await sleep(3000);
	const left = { ...memory(pid), handles: openHandles(pid), rows: rowsPerDoc(app.dbPath) };
	const minutes = (end.at - start.at) / 60_000;
	return {
		sockets: opened.sockets,
		rooms: rooms.length,
		minutes,
		edits: reports.reduce((n, r) => n + r.edits, 0),
		serverCores: (end.cpu - start.cpu) / ((end.at - start.at) / 1000),
		idle,
		start,
		end,
		rssGrowth: end.rssMb / start.rssMb - 1,
		handleGrowth: end.handles / start.handles - 1,
		samples,
		errors: reports.reduce((n, r) => n + r.totals.errors + r.totals.disconnects, 0) + opened.failed,
		roomsDiverged: drained.diverged,
		beforeLeaving,
		afterLeaving: left
	};
}
