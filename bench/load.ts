// `npm run bench:load`: classroom loads against the built app and, in the same invocation,
// against the reference @y/websocket-server; writes the figures to bench/RESULTS.md.
// Options (all optional): --app DIR (a tree with build/; default: this one, built if missing),
// --only classroom,capacity,room300,keynote,max  --measure S  --warmup S  --workers N
// --period MS  --no-reference  --no-write  --port N (4300–4399; the reference uses N+1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedClasses, type ClassShape } from './lib/seed';
import { ensureBuilt, raisePriority, startApp, startReference, type ServerProcess } from './lib/proc';
import { runLoad, type LoadResult, type LoadRoom } from './lib/load-run';
import { fmt, ratio } from './lib/stats';
import { machine, systemCallMicros, table, writeSection } from './lib/results';

const { values: args } = parseArgs({
	options: {
		app: { type: 'string', default: process.cwd() },
		only: { type: 'string', default: 'classroom,capacity,room300,keynote,max' },
		measure: { type: 'string', default: '30' },
		warmup: { type: 'string', default: '5' },
		workers: { type: 'string', default: '2' },
		period: { type: 'string', default: '2000' },
		port: { type: 'string', default: '4310' },
		'no-reference': { type: 'boolean', default: false },
		'no-write': { type: 'boolean', default: false }
	}
});

const root = path.resolve(import.meta.dirname, '..');
const appDir = path.resolve(args.app);
const port = Number(args.port);
const measureS = Number(args.measure);
const warmupS = Number(args.warmup);
const workers = Number(args.workers);
const periodMs = Number(args.period);
const only = new Set(args.only.split(','));
const log = (line: string) => console.log(line);

interface Scenario {
	key: string;
	title: string;
	shapes: ClassShape[];
	reference: boolean;
	measureS?: number;
}

const classes = (n: number, groups = 6, tablets = 5): ClassShape[] => Array.from({ length: n }, () => ({ groups, tabletsPerGroup: tablets }));

const scenarios: Scenario[] = [
	{ key: 'classroom', title: 'Classroom scale: 60 classes × 6 groups × (5 tablets + console) = 360 rooms', shapes: classes(60), reference: true },
	{ key: 'capacity', title: 'Node capacity: 150 classes of 30 = 900 rooms', shapes: classes(150), reference: true },
	{ key: 'room300', title: 'One room of 300 editors', shapes: classes(1, 1, 300), reference: true },
	{ key: 'keynote', title: 'Keynote: 1,000 participants on one board', shapes: classes(1, 1, 1000), reference: true }
].filter((s) => only.has(s.key));

async function withApp<T>(shapes: ClassShape[], body: (server: ServerProcess, rooms: LoadRoom[], dbPath: string) => Promise<T>): Promise<T> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-bench-'));
	const dbPath = path.join(dir, 'huddle.db');
	try {
		const seeded = await seedClasses(dbPath, shapes);
		const rooms = seeded.flatMap((c) => c.rooms.map((r) => ({ doc: r.doc, tablets: r.tablets, watcher: r.watcher })));
		const server = await startApp({ appDir, dbPath, port });
		try {
			return await body(server, rooms, dbPath);
		} finally {
			await server.stop();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function withReference<T>(rooms: LoadRoom[], body: (server: ServerProcess, rooms: LoadRoom[]) => Promise<T>): Promise<T> {
	const server = await startReference(root, port + 1);
	try {
		return await body(server, rooms.map((r) => ({ doc: r.doc, tablets: r.tablets.map(() => null), watcher: null })));
	} finally {
		await server.stop();
	}
}

function describe(r: LoadResult): string {
	return `p50 ${fmt(r.latency.p50)} / p95 ${fmt(r.latency.p95)} / p99 ${fmt(r.latency.p99)} / max ${fmt(r.latency.max)} ms; ${fmt(r.editsPerS)} edits/s; server ${fmt(r.serverCores, 2)} cores, peak ${fmt(r.serverPeakMb)} MB; generator ${fmt(r.generatorCores, 2)} cores; others ${fmt(r.otherCores, 2)} cores; errors ${r.errors + r.connectFailures}, disconnects ${r.disconnects}, diverged ${r.roomsDiverged}`;
}

function rowsFor(ours: LoadResult, ref: LoadResult | null): (string | number)[][] {
	const line = (name: string, a: number, b: number | undefined, digits = 1, lowerIsBetter = true) => [name, fmt(a, digits), b === undefined ? '–' : fmt(b, digits), b === undefined || !lowerIsBetter ? '–' : ratio(a, b)];
	return [
		['sockets (rooms)', `${ours.sockets} (${ours.rooms})`, ref ? `${ref.sockets} (${ref.rooms})` : '–', '–'],
		line('fan-out latency p50 (ms)', ours.latency.p50, ref?.latency.p50),
		line('fan-out latency p95 (ms)', ours.latency.p95, ref?.latency.p95),
		line('fan-out latency p99 (ms)', ours.latency.p99, ref?.latency.p99),
		line('fan-out latency max (ms)', ours.latency.max, ref?.latency.max),
		line('latency samples', ours.latency.n, ref?.latency.n, 0, false),
		line('edits/s', ours.editsPerS, ref?.editsPerS, 0, false),
		line('messages in/s (clients → server)', ours.msgsInPerS, ref?.msgsInPerS, 0, false),
		line('messages out/s (server → clients)', ours.msgsOutPerS, ref?.msgsOutPerS, 0),
		line('server CPU (cores)', ours.serverCores, ref?.serverCores, 2),
		line('server peak RSS (MB)', ours.serverPeakMb, ref?.serverPeakMb, 0),
		line('generator CPU (cores)', ours.generatorCores, ref?.generatorCores, 2),
		line('other processes on the machine (cores)', ours.otherCores, ref?.otherCores, 2, false),
		['SQLite rows written/s', ours.rowsPerS === null ? '–' : fmt(ours.rowsPerS, 0), 'no persistence', '–'],
		['errors + failed connects / disconnects', `${ours.errors + ours.connectFailures} / ${ours.disconnects}`, ref ? `${ref.errors + ref.connectFailures} / ${ref.disconnects}` : '–', '–'],
		['rooms not converged after drain', `${ours.roomsDiverged} (drain ${fmt(ours.drainMs, 0)} ms)`, ref ? `${ref.roomsDiverged} (drain ${fmt(ref.drainMs, 0)} ms)` : '–', '–']
	];
}

async function main() {
	raisePriority();
	await ensureBuilt(appDir);
	const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
	const syscallAtStart = systemCallMicros().toFixed(2);
	const started = performance.now();
	const sections: string[] = [];
	const summary: Record<string, { ours: LoadResult; ref: LoadResult | null }> = {};
	for (const s of scenarios) {
		log(`\n${s.title}`);
		const options = { periodMs, warmupS, measureS: s.measureS ?? measureS, workers, log };
		const { ours, ref } = await withApp(s.shapes, async (server, rooms, dbPath) => {
			const ours = await runLoad(server, rooms, { ...options, dbPath });
			log(`  huddle: ${describe(ours)}`);
			let ref: LoadResult | null = null;
			if (s.reference && !args['no-reference']) {
				ref = await withReference(rooms, (refServer, refRooms) => runLoad(refServer, refRooms, options));
				log(`  reference: ${describe(ref)}`);
			}
			return { ours, ref };
		});
		summary[s.key] = { ours, ref };
		sections.push(`### ${s.title}\n\n${table(['', 'Huddle', 'reference 0.1.1', 'ratio'], rowsFor(ours, ref))}`);
	}
	let capacity = '';
	if (only.has('max')) {
		// Largest classroom-shaped load (classes of 6 groups × 5 tablets) whose p99 stays under 100 ms.
		// Starts from what the capacity run showed: upwards in steps of 50 classes while it holds,
		// downwards in steps of 25 until it holds; at most 4 steps to bound the wall time.
		log('\nCapacity search (p99 < 100 ms)');
		const rows: (string | number)[][] = [];
		const holds = (r: LoadResult) => r.latency.p99 < 100 && r.errors + r.connectFailures + r.disconnects === 0 && r.roomsDiverged === 0;
		const known = summary.capacity?.ours;
		let best: LoadResult | null = known && holds(known) ? known : null;
		if (known) rows.push([150, known.sockets, fmt(known.editsPerS, 0), fmt(known.latency.p99), fmt(known.serverCores, 2), fmt(known.serverPeakMb, 0), fmt(known.generatorCores, 2), fmt(known.otherCores, 2), known.errors + known.connectFailures + known.disconnects]);
		const up = !known || holds(known);
		for (let step = 0, n = up ? 200 : 125; step < 4 && n > 0; step++, n += up ? 50 : -25) {
			const r = await withApp(classes(n), (server, rooms, dbPath) => runLoad(server, rooms, { periodMs, warmupS, measureS: Math.min(measureS, 20), workers, dbPath, log }));
			log(`  ${n} classes: ${describe(r)}`);
			rows.push([n, r.sockets, fmt(r.editsPerS, 0), fmt(r.latency.p99), fmt(r.serverCores, 2), fmt(r.serverPeakMb, 0), fmt(r.generatorCores, 2), fmt(r.otherCores, 2), r.errors + r.connectFailures + r.disconnects]);
			if (up && !holds(r)) break;
			if (holds(r) && (!best || r.sockets > best.sockets)) best = r;
			if (!up && holds(r)) break;
		}
		capacity = `### Largest load with p99 under 100 ms

${best ? `**${best.sockets.toLocaleString('en-US')} sockets** (${best.rooms} rooms, ${fmt(best.editsPerS, 0)} edits/s, p99 ${fmt(best.latency.p99)} ms)` : 'none of the steps held'}; classes of 6 groups × (5 tablets + console), measured ${Math.min(measureS, 20)} s per step.

${table(['classes', 'sockets', 'edits/s', 'p99 (ms)', 'server cores', 'peak MB', 'generator cores', 'other cores', 'errors+disconnects'], rows)}`;
	}
	const targets: (string | number)[][] = [];
	const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
	const c = summary.classroom;
	if (c?.ref) {
		const p99 = c.ours.latency.p99 / c.ref.latency.p99;
		const cpu = c.ours.serverCores / c.ref.serverCores;
		const rss = c.ours.serverPeakMb / c.ref.serverPeakMb;
		targets.push(['classroom: p99 ratio ≤ 1.0', `${fmt(p99, 2)}×`, verdict(p99 <= 1)], ['classroom: CPU ratio ≤ 1.0', `${fmt(cpu, 2)}×`, verdict(cpu <= 1)], ['classroom: peak RSS ≤ 1.2× reference', `${fmt(rss, 2)}×`, verdict(rss <= 1.2)]);
	}
	if (summary.capacity) targets.push(['node capacity (5,400 sockets): p99 < 50 ms', `${fmt(summary.capacity.ours.latency.p99)} ms`, verdict(summary.capacity.ours.latency.p99 < 50)]);
	if (summary.keynote) targets.push(['keynote (1,000 on one board): p99 < 250 ms', `${fmt(summary.keynote.ours.latency.p99)} ms`, verdict(summary.keynote.ours.latency.p99 < 250)]);
	for (const [key, r] of Object.entries(summary)) {
		const e = r.ours.errors + r.ours.connectFailures + r.ours.disconnects;
		targets.push([`${key}: errors and disconnects = 0, every room converged`, `${e} / ${r.ours.roomsDiverged} rooms behind`, verdict(e === 0 && r.ours.roomsDiverged === 0)]);
	}
	for (const row of targets) log(`  ${row.join(': ')}`);
	const minutes = (performance.now() - started) / 60_000;
	log(`\nwall time ${minutes.toFixed(1)} min`);
	if (args['no-write']) return;
	writeSection(
		'load',
		`## Load (\`npm run bench:load\`)

Machine: ${machine()}. Wall time of the run: ${minutes.toFixed(1)} min. Load average at start: ${loadAtStart}; a system call at start ${syscallAtStart} µs.
Each tablet edits its own PEST notes (add, move, or edit text) every ${periodMs} ms; a facilitator console per room applies everything and measures
the delay from the sender's edit to the console (machine-wide monotonic clock). Warm-up ${warmupS} s, measured ${measureS} s, ${workers} generator processes.
Huddle runs as in production (scripts/serve.js over build/, SQLite in WAL mode, every update stored before it is broadcast, every socket authorised by cookie).
The reference is @y/websocket-server 0.1.1 (in memory, no persistence, no auth) under the same load; ratio = Huddle / reference.

### Targets

${table(['target', 'measured', ''], targets)}

${sections.join('\n\n')}

${capacity}`
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
