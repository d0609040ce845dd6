// `npm run bench:load`: classroom loads against the built app and, in the same invocation,
// against the reference @y/websocket-server; writes the figures to bench/RESULTS.md.
// Options (all optional): --app DIR (a tree with build/; default: this one, built if missing),
// --only classroom,capacity,room300,keynote,max  --measure S  --warmup S  --workers N
// --period MS  --rounds N  --no-reference  --no-write  --port N (4300–4399; the reference uses N+1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedClasses, type ClassShape } from './lib/seed';
import { ensureBuilt, raisePriority, startApp, startReference, type ServerProcess } from './lib/proc';
import { runLoad, type LoadResult, type LoadRoom } from './lib/load-run';
import type { Stalls } from './lib/stalls.cjs';
import { fmt } from './lib/stats';
import { machine, sectionFor, systemCallMicros, table, writeSection } from './lib/results';

const flags = {
	app: { type: 'string', default: process.cwd() },
	only: { type: 'string', default: 'classroom,capacity,room300,keynote,max' },
	measure: { type: 'string', default: '30' },
	warmup: { type: 'string', default: '5' },
	workers: { type: 'string', default: '2' },
	period: { type: 'string', default: '2000' },
	port: { type: 'string', default: '4310' },
	rounds: { type: 'string', default: '1' },
	'no-reference': { type: 'boolean', default: false },
	'no-write': { type: 'boolean', default: false }
} as const;
const { values: args } = parseArgs({ options: flags });

// The options that shape the load, as typed: a run with any of them changed gets a section of its
// own in RESULTS.md (headed by the command that reproduces it), so the standard run's stays intact.
const { key: sectionKey, command } = sectionFor('load', 'bench:load', args, {
	only: flags.only.default,
	measure: flags.measure.default,
	warmup: flags.warmup.default,
	workers: flags.workers.default,
	period: flags.period.default,
	rounds: flags.rounds.default
});

const root = path.resolve(import.meta.dirname, '..');
const appDir = path.resolve(args.app);
const port = Number(args.port);
const measureS = Number(args.measure);
const warmupS = Number(args.warmup);
const workers = Number(args.workers);
const periodMs = Number(args.period);
const rounds = Math.max(1, Number(args.rounds));
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

/** Seeds a fresh database with classes of these shapes; removed after `body`. */
async function withSeed<T>(shapes: ClassShape[], body: (rooms: LoadRoom[], dbPath: string) => Promise<T>): Promise<T> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-bench-'));
	const dbPath = path.join(dir, 'huddle.db');
	try {
		const seeded = await seedClasses(dbPath, shapes);
		return await body(seeded.flatMap((c) => c.rooms.map((r) => ({ doc: r.doc, tablets: r.tablets, watcher: r.watcher }))), dbPath);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function onApp<T>(dbPath: string, body: (server: ServerProcess) => Promise<T>): Promise<T> {
	const server = await startApp({ appDir, dbPath, port });
	try {
		return await body(server);
	} finally {
		await server.stop();
	}
}

async function withApp<T>(shapes: ClassShape[], body: (server: ServerProcess, rooms: LoadRoom[], dbPath: string) => Promise<T>): Promise<T> {
	return withSeed(shapes, (rooms, dbPath) => onApp(dbPath, (server) => body(server, rooms, dbPath)));
}

async function withReference<T>(rooms: LoadRoom[], body: (server: ServerProcess, rooms: LoadRoom[]) => Promise<T>): Promise<T> {
	const server = await startReference(root, port + 1);
	try {
		return await body(server, rooms.map((r) => ({ doc: r.doc, tablets: r.tablets.map(() => null), watcher: null })));
	} finally {
		await server.stop();
	}
}

const stallsText = (s: Stalls | null, perS: number) =>
	s ? `loop late p99 ${fmt(s.loopP99)} / max ${fmt(s.loopMax)} ms, GC ${fmt(s.gcMs / perS)} ms/s (longest ${fmt(s.gcMax)} ms)` : 'the probe did not answer (event loop saturated)';

function describe(r: LoadResult): string {
	return `p50 ${fmt(r.latency.p50)} / p95 ${fmt(r.latency.p95)} / p99 ${fmt(r.latency.p99)} / max ${fmt(r.latency.max)} ms; ${fmt(r.editsPerS)} edits/s; server ${fmt(r.serverCores, 2)} cores, peak ${fmt(r.serverPeakMb)} MB; generator ${fmt(r.generatorCores, 2)} cores; others ${fmt(r.otherCores, 2)} cores; errors ${r.errors + r.connectFailures}, disconnects ${r.disconnects}, diverged ${r.roomsDiverged}
    stalls: server ${stallsText(r.serverStalls, r.measuredS)}
    consoles' process (${fmt(r.consoleCores, 2)} cores) ${stallsText(r.consoleStalls, r.measuredS)}; tablets' processes ${stallsText(r.tabletStalls, r.measuredS)}`;
}

/** One round: Huddle and (unless --no-reference) the reference under the same load. */
interface Pair {
	ours: LoadResult;
	ref: LoadResult | null;
}

const median = (values: number[]): number => {
	const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
	if (sorted.length === 0) return NaN;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A count summed over the rounds: one error in any round is one too many. */
const sumOf = (results: LoadResult[], get: (r: LoadResult) => number): number => results.reduce((n, r) => n + get(r), 0);

/** Median over rounds of Huddle / reference for one figure (NaN without a reference). */
const medianRatio = (pairs: Pair[], get: (r: LoadResult) => number): number =>
	median(pairs.map((p) => (p.ref ? get(p.ours) / get(p.ref) : NaN)));

const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

/** The scenario's table: each figure's median over the rounds, and the median of the rounds' ratios. */
function rowsFor(pairs: Pair[]): (string | number)[][] {
	const ours = pairs.map((p) => p.ours);
	const refs = pairs.every((p) => p.ref) ? pairs.map((p) => p.ref!) : null;
	const line = (name: string, get: (r: LoadResult) => number, digits = 1, lowerIsBetter = true) => [
		name,
		fmt(median(ours.map(get)), digits),
		refs ? fmt(median(refs.map(get)), digits) : '–',
		refs && lowerIsBetter ? times(medianRatio(pairs, get)) : '–'
	];
	const first = pairs[0];
	const count = (results: LoadResult[] | null) =>
		results ? `${sumOf(results, (r) => r.errors + r.connectFailures)} / ${sumOf(results, (r) => r.disconnects)}` : '–';
	const behind = (results: LoadResult[] | null) =>
		results ? `${sumOf(results, (r) => r.roomsDiverged)} (drain ${fmt(median(results.map((r) => r.drainMs)), 0)} ms)` : '–';
	const summed = pairs.length > 1 ? ` (sum of ${pairs.length} rounds)` : '';
	const stalls = (r: LoadResult, key: keyof Stalls) => r.serverStalls?.[key] ?? NaN;
	return [
		['sockets (rooms)', `${first.ours.sockets} (${first.ours.rooms})`, first.ref ? `${first.ref.sockets} (${first.ref.rooms})` : '–', '–'],
		line('fan-out latency p50 (ms)', (r) => r.latency.p50),
		line('fan-out latency p95 (ms)', (r) => r.latency.p95),
		line('fan-out latency p99 (ms)', (r) => r.latency.p99),
		line('fan-out latency max (ms)', (r) => r.latency.max),
		line('latency samples', (r) => r.latency.n, 0, false),
		line('edits/s', (r) => r.editsPerS, 0, false),
		line('messages in/s (clients → server)', (r) => r.msgsInPerS, 0, false),
		line('messages out/s (server → clients)', (r) => r.msgsOutPerS, 0),
		line('server CPU (cores)', (r) => r.serverCores, 2),
		line('server peak RSS (MB)', (r) => r.serverPeakMb, 0),
		line('server event loop late, p99 (ms)', (r) => stalls(r, 'loopP99')),
		line('server event loop late, max (ms)', (r) => stalls(r, 'loopMax')),
		line('server GC pauses (ms per s)', (r) => stalls(r, 'gcMs') / r.measuredS),
		line('server GC pause, longest (ms)', (r) => stalls(r, 'gcMax')),
		line('generator CPU, all processes (cores)', (r) => r.generatorCores, 2),
		line("consoles' process CPU (cores)", (r) => r.consoleCores, 2, false),
		line("consoles' process event loop late, p99 (ms)", (r) => r.consoleStalls.loopP99, 1, false),
		line("consoles' process GC pauses (ms per s)", (r) => r.consoleStalls.gcMs / r.measuredS, 1, false),
		line("tablets' processes event loop late, p99, worst (ms)", (r) => r.tabletStalls.loopP99, 1, false),
		line('other processes on the machine (cores)', (r) => r.otherCores, 2, false),
		['SQLite rows written/s', first.ours.rowsPerS === null ? '–' : fmt(median(pairs.map((p) => p.ours.rowsPerS ?? NaN)), 0), 'no persistence', '–'],
		[`errors + failed connects / disconnects${summed}`, count(ours), count(refs), '–'],
		[`rooms not converged after drain${summed}`, behind(ours), behind(refs), '–']
	];
}

/** With several rounds: each round's headline figures, in the order the servers ran. */
function roundRows(pairs: Pair[]): (string | number)[][] {
	return pairs.map((p, i) => [
		i + 1,
		!p.ref ? 'Huddle only' : i % 2 === 1 ? 'reference, Huddle' : 'Huddle, reference',
		fmt(p.ours.latency.p99),
		p.ref ? fmt(p.ref.latency.p99) : '–',
		p.ref ? times(p.ours.latency.p99 / p.ref.latency.p99) : '–',
		fmt(p.ours.serverCores, 2),
		p.ref ? fmt(p.ref.serverCores, 2) : '–',
		p.ref ? times(p.ours.serverCores / p.ref.serverCores) : '–',
		p.ref ? times(p.ours.serverPeakMb / p.ref.serverPeakMb) : '–',
		fmt(p.ours.generatorCores, 2)
	]);
}

async function main() {
	raisePriority();
	await ensureBuilt(appDir);
	const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
	const syscallAtStart = systemCallMicros().toFixed(2);
	const started = performance.now();
	const sections: string[] = [];
	const summary: Record<string, Pair[]> = {};
	for (const s of scenarios) {
		log(`\n${s.title}`);
		const options = { periodMs, warmupS, measureS: s.measureS ?? measureS, workers, log };
		const withRef = s.reference && !args['no-reference'];
		const pairs: Pair[] = [];
		for (let round = 1; round <= rounds; round++) {
			if (rounds > 1) log(` round ${round} of ${rounds}`);
			// Every other round the reference goes first, so a machine that slows down or speeds up
			// during the run favours neither server.
			const refFirst = withRef && round % 2 === 0;
			pairs.push(
				await withSeed(s.shapes, async (rooms, dbPath) => {
					const runRef = async () => {
						const ref = await withReference(rooms, (refServer, refRooms) => runLoad(refServer, refRooms, options));
						log(`  reference: ${describe(ref)}`);
						return ref;
					};
					const first = refFirst ? await runRef() : null;
					const ours = await onApp(dbPath, (server) => runLoad(server, rooms, { ...options, dbPath }));
					log(`  huddle: ${describe(ours)}`);
					return { ours, ref: first ?? (withRef ? await runRef() : null) };
				})
			);
		}
		summary[s.key] = pairs;
		const perRound =
			rounds > 1
				? `\n\nEach figure above is the median of ${rounds} rounds; a ratio is the median of the rounds' ratios.\n\n${table(['round', 'order', 'Huddle p99 (ms)', 'reference p99 (ms)', 'p99 ratio', 'Huddle CPU', 'reference CPU', 'CPU ratio', 'RSS ratio', 'generator CPU'], roundRows(pairs))}`
				: '';
		sections.push(`### ${s.title}\n\n${table(['', 'Huddle', 'reference 0.1.1', 'ratio'], rowsFor(pairs))}${perRound}`);
	}
	let capacity = '';
	if (only.has('max')) {
		// Largest classroom-shaped load (classes of 6 groups × 5 tablets) whose p99 stays under 100 ms.
		// Starts from what the capacity run showed: upwards in steps of 50 classes while it holds,
		// downwards in steps of 25 until it holds; at most 4 steps to bound the wall time.
		log('\nCapacity search (p99 < 100 ms)');
		const rows: (string | number)[][] = [];
		const holds = (r: LoadResult) => r.latency.p99 < 100 && r.errors + r.connectFailures + r.disconnects === 0 && r.roomsDiverged === 0;
		const known = summary.capacity?.[0].ours;
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
	if (c?.every((p) => p.ref)) {
		const p99 = medianRatio(c, (r) => r.latency.p99);
		const cpu = medianRatio(c, (r) => r.serverCores);
		const rss = medianRatio(c, (r) => r.serverPeakMb);
		targets.push(['classroom: p99 ratio ≤ 1.0', times(p99), verdict(p99 <= 1)], ['classroom: CPU ratio ≤ 1.0', times(cpu), verdict(cpu <= 1)], ['classroom: peak RSS ≤ 1.2× reference', times(rss), verdict(rss <= 1.2)]);
	}
	const p99Of = (key: string) => median(summary[key].map((p) => p.ours.latency.p99));
	if (summary.capacity) targets.push(['node capacity (5,400 sockets): p99 < 50 ms', `${fmt(p99Of('capacity'))} ms`, verdict(p99Of('capacity') < 50)]);
	if (summary.keynote) targets.push(['keynote (1,000 on one board): p99 < 250 ms', `${fmt(p99Of('keynote'))} ms`, verdict(p99Of('keynote') < 250)]);
	for (const [key, pairs] of Object.entries(summary)) {
		const ours = pairs.map((p) => p.ours);
		const e = sumOf(ours, (r) => r.errors + r.connectFailures + r.disconnects);
		const behind = sumOf(ours, (r) => r.roomsDiverged);
		targets.push([`${key}: errors and disconnects = 0, every room converged`, `${e} / ${behind} rooms behind`, verdict(e === 0 && behind === 0)]);
	}
	for (const row of targets) log(`  ${row.join(': ')}`);
	const minutes = (performance.now() - started) / 60_000;
	log(`\nwall time ${minutes.toFixed(1)} min`);
	if (args['no-write']) return;
	writeSection(
		sectionKey,
		`## Load (\`${command}\`)

Machine: ${machine()}. Wall time of the run: ${minutes.toFixed(1)} min. Load average at start: ${loadAtStart}; a system call at start ${syscallAtStart} µs.
Each tablet edits its own PEST notes (add, move, or edit text) every ${periodMs} ms; a facilitator console per room applies everything and measures
the delay from the sender's edit to the console (machine-wide monotonic clock). Warm-up ${warmupS} s, measured ${measureS} s; tablets in ${workers} generator processes at a lower priority, consoles in one more (bench/README.md).
Huddle runs as in production (scripts/serve.js over build/, SQLite in WAL mode, every update stored before it is broadcast, every socket authorised by cookie).
The reference is @y/websocket-server 0.1.1 (in memory, no persistence, no auth) under the same load; ratio = Huddle / reference.
${rounds > 1 ? `Each scenario ran ${rounds} rounds on a freshly seeded database, every other round with the reference first; every figure is the median over the rounds.\n` : only.has('classroom') ? `One round per scenario: a single pair of runs varies by a fifth or more on this machine, so the classroom ratios are judged on \`npm run bench:load -- --only classroom --rounds 10\` (its own section).\n` : ''}"Event loop late" is how late a 10 ms timer fired in that process (bench/lib/stalls.cjs, the same probe in both servers). An edit's delay runs through the server
and the consoles' process only (a tablet stamps and sends an edit in one tick): when the fan-out p99 is far above both, the delay arose in the machine.

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
