// Runs one load against one server: spreads clients over generator processes, waits for every
// first sync, edits for a warm-up and a measured window, then checks every edit arrived.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Command, ClientSpec } from './worker';
import { cpuSeconds, machineBusySeconds, memory, nodeOptionsFrom, type ServerProcess } from './proc';
import { summarise, type Summary } from './stats';
import type { Stalls } from './stalls.cjs';

/** A room as the generator sees it: tablets' and watcher's cookies (null: no auth, reference). */
export interface LoadRoom {
	doc: string;
	tablets: (string | null)[];
	watcher: string | null;
}

/** How hard and how long. */
export interface LoadOptions {
	periodMs: number;
	warmupS: number;
	measureS: number;
	workers: number;
	/** SQLite file of the server, to count rows written; none for the reference. */
	dbPath?: string;
	/** Longest wait for the last edits to arrive after the tablets stop. */
	drainS?: number;
	log?: (line: string) => void;
}

/** Everything measured in one run. */
export interface LoadResult {
	server: string;
	rooms: number;
	sockets: number;
	latency: Summary;
	editsPerS: number;
	msgsInPerS: number;
	msgsOutPerS: number;
	serverCores: number;
	serverPeakMb: number;
	serverRssMb: number;
	generatorCores: number;
	/** CPU used by everything else on the machine meanwhile: high values make the run unreliable. */
	otherCores: number;
	rowsPerS: number | null;
	connectFailures: number;
	errors: number;
	disconnects: number;
	/** Rooms whose watcher did not end up with every tablet's last state. */
	roomsDiverged: number;
	drainMs: number;
	serverAlive: boolean;
	connectS: number;
	/** Length of the measured window (s). */
	measuredS: number;
	/** The server's event-loop lateness and GC pauses over the measured window (null: the probe did not answer). */
	serverStalls: Stalls | null;
	/** The same for the tablets' processes: the worst one's loop lateness, GC pauses summed over them. */
	tabletStalls: Stalls;
	/** CPU of the consoles' process (part of `generatorCores`) and its stalls: it lies on the measured path. */
	consoleCores: number;
	consoleStalls: Stalls;
}

/** One figure for several processes: the worst lateness and longest pause, the summed pause time. */
function worstOf(all: Stalls[]): Stalls {
	const max = (key: keyof Stalls) => all.reduce((m, s) => Math.max(m, s[key]), 0);
	return { loopP99: max('loopP99'), loopMax: max('loopMax'), gcMs: all.reduce((n, s) => n + s.gcMs, 0), gcMax: max('gcMax') };
}

type Reply = { type: string; [key: string]: unknown };

type Waiter = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/*
 * The tablets are the load and the consoles the measurement, so they run apart and are treated
 * differently. A tablet stamps each edit and sends it in the same tick, so how late its process
 * runs delays no measured edit; only the console's process and the server lie on the measured
 * path. Tablet processes therefore run 10 nice levels below the rest (on 2 cores shared by four
 * busy processes, the server and the consoles go first, as if they had machines of their own),
 * and with a 64 MB young generation, which collects less often, in longer pauses that nothing
 * measures. The consoles' process keeps Node's defaults. Both servers run under the same generator.
 */
const TABLET_NODE_OPTIONS = ['--max-semi-space-size=64'];
const TABLET_NICE_OFFSET = 10;

function lowerPriority(pid: number | undefined): void {
	if (pid === undefined) return;
	try {
		os.setPriority(pid, Math.min(19, os.getPriority() + TABLET_NICE_OFFSET));
	} catch {
		// Not permitted here: the tablets keep the generator's priority.
	}
}

class GeneratorProcess {
	readonly child: ChildProcess;
	#waiting = new Map<string, Waiter>();
	constructor(role: 'tablets' | 'consoles') {
		const execArgv = ['--import', 'tsx', ...(role === 'tablets' ? TABLET_NODE_OPTIONS : []), ...nodeOptionsFrom('BENCH_WORKER_ARGS')];
		this.child = fork(path.join(import.meta.dirname, 'worker.ts'), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		if (role === 'tablets') lowerPriority(this.child.pid);
		this.child.on('message', (reply: Reply) => {
			const waiter = this.#waiting.get(reply.type);
			this.#waiting.delete(reply.type);
			waiter?.resolve(reply);
		});
		this.child.on('exit', (code) => {
			for (const waiter of this.#waiting.values()) waiter.reject(new Error(`generator exited (${code})`));
			this.#waiting.clear();
		});
	}
	/** Sends a command and resolves with the reply of type `answer`. */
	ask<T extends Reply>(command: Command, answer: string): Promise<T> {
		return new Promise((resolve, reject) => {
			this.#waiting.set(answer, { resolve: resolve as (r: Reply) => void, reject });
			this.child.send(command);
		});
	}
	/** Resolves with the next reply of type `answer`. */
	next<T extends Reply>(answer: string): Promise<T> {
		return new Promise((resolve, reject) => this.#waiting.set(answer, { resolve: resolve as (r: Reply) => void, reject }));
	}
}

function rowsWritten(dbPath: string | undefined): number | null {
	if (!dbPath) return null;
	const db = new Database(dbPath, { readonly: true, fileMustExist: true });
	try {
		// Every new row gets an id above all others, and compaction keeps the newest row's id in place,
		// so the top id counts inserts.
		const row = db.prepare('SELECT coalesce(max(id), 0) AS top FROM yjs_update').get() as { top: number };
		return row.top;
	} finally {
		db.close();
	}
}

/**
 * Splits clients over generator processes: the tablets over `workers` processes (small rooms stay
 * whole, big rooms are dealt round-robin), and every room's console in one more process, the last
 * share (see `Generator`).
 */
export function distribute(rooms: LoadRoom[], workers: number): ClientSpec[][] {
	const shares: ClientSpec[][] = Array.from({ length: workers + 1 }, () => []);
	const consoles = shares[workers];
	let next = 0;
	rooms.forEach((room, i) => {
		const tablets = room.tablets.map((cookie, t) => ({ room: i, doc: room.doc, role: 'tablet' as const, cookie, name: `r${i}t${t}` }));
		consoles.push({ room: i, doc: room.doc, role: 'watcher' as const, cookie: room.watcher, name: `r${i}w` });
		if (tablets.length <= 50) shares[next++ % workers].push(...tablets);
		else tablets.forEach((spec, k) => shares[k % workers].push(spec));
	});
	return shares;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connected generator processes, for runs that need more than the standard load (faults, soak). */
export class Generator {
	readonly procs: GeneratorProcess[];
	/** `workers` processes of tablets and one of consoles (the last). */
	constructor(workers: number) {
		this.procs = Array.from({ length: workers + 1 }, (_, i) => new GeneratorProcess(i < workers ? 'tablets' : 'consoles'));
	}

	/** Opens every client; returns failures and seconds taken. */
	async open(server: ServerProcess, rooms: LoadRoom[], periodMs: number): Promise<{ failed: number; failures: string[]; seconds: number; sockets: number }> {
		const shares = distribute(rooms, this.procs.length - 1);
		const t0 = performance.now();
		const ready = await Promise.all(
			this.procs.map((p, i) => p.ask<Reply & { failed: number; failures: string[]; connected: number }>({ type: 'init', base: server.wsBase, specs: shares[i], periodMs, concurrency: 64 }, 'ready'))
		);
		return {
			failed: ready.reduce((n, r) => n + r.failed, 0),
			failures: ready.flatMap((r) => r.failures),
			seconds: (performance.now() - t0) / 1000,
			sockets: ready.reduce((n, r) => n + r.connected, 0)
		};
	}

	/** Sends a command to every process and waits for every answer. */
	all<T extends Reply>(command: Command, answer: string): Promise<T[]> {
		return Promise.all(this.procs.map((p) => p.ask<T>(command, answer)));
	}

	/** Rooms whose watcher lacks some tablet's latest state (summed over processes). */
	async diverged(): Promise<{ diverged: number; watched: number }> {
		const digests = await this.all<Reply & { rooms: Record<string, { written: number; watched: number; watchers: number }> }>({ type: 'digest' }, 'digest');
		const rooms = new Map<string, { written: number; watched: number; watchers: number }>();
		for (const d of digests) {
			for (const [room, r] of Object.entries(d.rooms)) {
				const sum = rooms.get(room) ?? { written: 0, watched: 0, watchers: 0 };
				sum.written = (sum.written + r.written) >>> 0;
				sum.watched = (sum.watched + r.watched) >>> 0;
				sum.watchers += r.watchers;
				rooms.set(room, sum);
			}
		}
		let diverged = 0;
		for (const r of rooms.values()) if (r.watchers > 0 && r.written !== r.watched) diverged++;
		return { diverged, watched: rooms.size };
	}

	/** Waits until every watcher holds every tablet's state; returns ms waited and rooms still behind. */
	async converge(timeoutMs: number): Promise<{ ms: number; diverged: number }> {
		const t0 = performance.now();
		let diverged = Infinity;
		while (performance.now() - t0 < timeoutMs) {
			diverged = (await this.diverged()).diverged;
			if (diverged === 0) break;
			await sleep(100);
		}
		return { ms: performance.now() - t0, diverged };
	}

	/** Closes every client and ends the processes. */
	async close(): Promise<void> {
		await Promise.all(
			this.procs.map(
				(p) =>
					new Promise<void>((resolve) => {
						if (p.child.exitCode !== null) return resolve();
						p.child.once('exit', () => resolve());
						p.child.send({ type: 'close' });
						setTimeout(() => p.child.kill('SIGKILL'), 5000).unref();
					})
			)
		);
	}
}

/** Runs the standard load (tablets editing every `periodMs`, one watcher per room) and measures it. */
export async function runLoad(server: ServerProcess, rooms: LoadRoom[], options: LoadOptions): Promise<LoadResult> {
	const log = options.log ?? (() => {});
	const generator = new Generator(options.workers);
	try {
		const opened = await generator.open(server, rooms, options.periodMs);
		log(`  ${server.name}: ${opened.sockets} sockets synced in ${opened.seconds.toFixed(1)} s${opened.failed ? `, ${opened.failed} failed (${opened.failures[0]})` : ''}`);
		await generator.all({ type: 'start' }, 'started');
		await sleep(options.warmupS * 1000);
		await generator.all({ type: 'measure' }, 'measuring');
		server.startStalls();
		const cpu0 = cpuSeconds(server.pid);
		const busy0 = machineBusySeconds();
		const rows0 = rowsWritten(options.dbPath);
		const t0 = performance.now();
		await sleep(options.measureS * 1000);
		const reports = await generator.all<Reply & { latencies: number[]; cpuSeconds: number; seconds: number; edits: number; counters: Record<string, number>; totals: Record<string, number>; stalls: Stalls }>({ type: 'report' }, 'report');
		const seconds = (performance.now() - t0) / 1000;
		const serverCpu = cpuSeconds(server.pid) - cpu0;
		const busy = machineBusySeconds() - busy0;
		const rows1 = rowsWritten(options.dbPath);
		const mem = memory(server.pid);
		const serverStalls = await server.stopStalls();
		await generator.all({ type: 'stop' }, 'stopped');
		const drained = await generator.converge((options.drainS ?? 10) * 1000);
		const sum = (key: string) => reports.reduce((n, r) => n + (r.counters[key] ?? 0), 0);
		const latencies = reports.flatMap((r) => r.latencies);
		const result: LoadResult = {
			server: server.name,
			rooms: rooms.length,
			sockets: opened.sockets,
			latency: summarise(latencies),
			editsPerS: reports.reduce((n, r) => n + r.edits, 0) / seconds,
			msgsInPerS: sum('sent') / seconds,
			msgsOutPerS: sum('received') / seconds,
			serverCores: serverCpu / seconds,
			serverPeakMb: mem.peakMb,
			serverRssMb: mem.rssMb,
			generatorCores: reports.reduce((n, r) => n + r.cpuSeconds, 0) / seconds,
			otherCores: Math.max(0, busy - serverCpu - reports.reduce((n, r) => n + r.cpuSeconds, 0)) / seconds,
			rowsPerS: rows0 === null || rows1 === null ? null : (rows1 - rows0) / seconds,
			connectFailures: opened.failed,
			errors: reports.reduce((n, r) => n + r.totals.errors, 0),
			disconnects: reports.reduce((n, r) => n + r.totals.disconnects, 0),
			roomsDiverged: drained.diverged,
			drainMs: drained.ms,
			serverAlive: server.alive,
			connectS: opened.seconds,
			measuredS: seconds,
			serverStalls,
			tabletStalls: worstOf(reports.slice(0, -1).map((r) => r.stalls)),
			consoleCores: reports[reports.length - 1].cpuSeconds / seconds,
			consoleStalls: reports[reports.length - 1].stalls
		};
		return result;
	} finally {
		await generator.close();
	}
}
