// Starting the servers under test and reading their CPU time and memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stalls } from './stalls.cjs';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** CPU seconds the whole machine has been busy so far (all processes, all cores). */
export function machineBusySeconds(): number {
	const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
	const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
	return (user + nice + system + irq + softirq + steal) / TICKS;
}

/** Current and peak resident memory of a process, in MB. */
export function memory(pid: number): { rssMb: number; peakMb: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
	return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Open file descriptors of a process (sockets, database files, pipes). */
export function openHandles(pid: number): number {
	return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/**
 * Scheduling priority for this process and everything it starts (BENCH_PRIORITY, default -10):
 * on a shared machine it keeps other work from distorting the figures. Linux schedules sessions
 * ("autogroups") against each other first, so the session's autogroup is raised, not just the
 * processes. Needs root; otherwise nothing changes and the results say so.
 */
export const priority = { wanted: Number(process.env.BENCH_PRIORITY ?? -10), applied: 0 };

/** Raises this session's scheduling priority (see `priority`); children inherit it. */
export function raisePriority(): void {
	if (priority.wanted === 0) return;
	try {
		fs.writeFileSync('/proc/self/autogroup', String(priority.wanted));
		os.setPriority(0, priority.wanted);
		priority.applied = priority.wanted;
	} catch {
		priority.applied = 0;
	}
}

const STALLS_PROBE = path.join(import.meta.dirname, 'stalls.cjs');

/**
 * Extra node options from the environment variable `name`, space-separated: BENCH_SERVER_ARGS,
 * BENCH_REFERENCE_ARGS and BENCH_WORKER_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export function nodeOptionsFrom(name: string): string[] {
	return (process.env[name] ?? '').split(' ').filter(Boolean);
}

/** A server process under test: `entry` run with the stall probe (stalls.cjs) and the node options of `optionsVar`. */
function spawnServer(server: { name: string; entry: string; cwd: string; env: NodeJS.ProcessEnv; optionsVar: string; port: number; wsBase: string }): ServerProcess {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-stalls-')), 'stalls.jsonl');
	const child = spawn(process.execPath, ['--require', STALLS_PROBE, ...nodeOptionsFrom(server.optionsVar), server.entry], {
		cwd: server.cwd,
		env: { ...server.env, BENCH_STALLS_FILE: file },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return new ServerProcess(server.name, child, server.port, server.wsBase, file);
}

/** A server process under test. */
export class ServerProcess {
	output = '';
	#stallWindows = 0;
	constructor(
		readonly name: string,
		readonly child: ChildProcess,
		readonly port: number,
		/** Prefix of document URLs: `${wsBase}${docName}`. */
		readonly wsBase: string,
		/** Where the stall probe writes; see stalls.cjs. */
		readonly stallsFile: string
	) {
		child.stdout?.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
		child.stderr?.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
	}

	get pid(): number {
		return this.child.pid!;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get alive(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Starts a window of the server's stall probe. */
	startStalls(): void {
		this.child.kill('SIGUSR2');
	}

	/** Ends the probe's window and returns what it measured (null if the server did not answer in 2 s). */
	async stopStalls(): Promise<Stalls | null> {
		this.child.kill('SIGUSR2');
		const want = ++this.#stallWindows;
		for (let waited = 0; waited < 2000; waited += 20) {
			const lines = fs.existsSync(this.stallsFile) ? fs.readFileSync(this.stallsFile, 'utf8').trim().split('\n') : [];
			if (lines.length >= want && lines[want - 1]) return JSON.parse(lines[want - 1]) as Stalls;
			await new Promise((r) => setTimeout(r, 20));
		}
		return null;
	}

	/** Stops the process (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		fs.rmSync(path.dirname(this.stallsFile), { recursive: true, force: true });
		if (!this.alive) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill(signal);
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
}

async function waitForHttp(server: ServerProcess, pathName: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!server.alive) throw new Error(`${server.name} exited:\n${server.output}`);
		try {
			const res = await fetch(server.url + pathName);
			await res.arrayBuffer();
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${server.name} did not start:\n${server.output}`);
}

/** Options for the built app. */
export interface AppOptions {
	/** Folder holding build/, scripts/serve.js, drizzle/ and exercises/. */
	appDir: string;
	dbPath: string;
	port: number;
	env?: NodeJS.ProcessEnv;
}

/** Starts the production entry (scripts/serve.js over build/) on a database and waits for /healthz. */
export async function startApp(options: AppOptions): Promise<ServerProcess> {
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', DATABASE_PATH: options.dbPath, ...options.env };
	if (!options.env?.ORIGIN) delete env.ORIGIN;
	const server = spawnServer({ name: 'huddle', entry: 'scripts/serve.js', cwd: options.appDir, env, optionsVar: 'BENCH_SERVER_ARGS', port: options.port, wsBase: `ws://127.0.0.1:${options.port}/collab/` });
	await waitForHttp(server, '/healthz');
	return server;
}

/** Where the reference server's entry lives. */
export function referenceEntry(root: string): string {
	return path.join(root, 'node_modules/@y/websocket-server/src/server.js');
}

/** Starts the reference `@y/websocket-server` (in memory, no persistence, no auth). */
export async function startReference(root: string, port: number): Promise<ServerProcess> {
	const entry = referenceEntry(root);
	if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm install (it is a devDependency)`);
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
	delete env.YPERSISTENCE;
	const server = spawnServer({ name: 'reference', entry, cwd: root, env, optionsVar: 'BENCH_REFERENCE_ARGS', port, wsBase: `ws://127.0.0.1:${port}/` });
	await waitForHttp(server, '/');
	return server;
}

/** Builds the app in `appDir` when build/ is missing. */
export async function ensureBuilt(appDir: string): Promise<void> {
	if (fs.existsSync(path.join(appDir, 'build/handler.js'))) return;
	console.log(`building ${appDir} (vite build)…`);
	await new Promise<void>((resolve, reject) => {
		const child = spawn('npx', ['vite', 'build'], { cwd: appDir, stdio: 'inherit' });
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code})`))));
	});
}
