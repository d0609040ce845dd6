import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

/** The built app (`build/`) running as its own process on a temp database. */
export class AppProcess {
	readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-it-'));
	readonly dbPath = path.join(this.dir, 'huddle.db');
	port = 0;
	#child: ChildProcess | null = null;
	output = '';

	/** `root` holds the scripts/ and build/ to run (default: this checkout's). */
	constructor(private readonly root = '.') {}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}
	get wsUrl() {
		return `ws://127.0.0.1:${this.port}/collab`;
	}

	/** Starts (or restarts) the server and waits until /healthz answers. */
	async start(): Promise<void> {
		if (!fs.existsSync(path.join(this.root, 'build/handler.js'))) throw new Error('build/ is missing: run `npm run build` first');
		this.port ||= await freePort();
		const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATABASE_PATH: this.dbPath };
		delete env.ORIGIN; // the request's own host is then the expected origin
		const child = spawn(process.execPath, [path.join(this.root, 'scripts/serve.js')], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (this.output += d));
		child.stderr?.on('data', (d) => (this.output += d));
		this.#child = child;
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
			try {
				const res = await fetch(`${this.url}/healthz`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not start: ${this.output}`);
	}

	/** Stops the server with a signal and waits for the process to end. */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
		const child = this.#child;
		if (!child || child.exitCode !== null) return child?.exitCode ?? null;
		const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
		child.kill(signal);
		const code = await exited;
		this.#child = null;
		return code;
	}

	/** Removes the temp folder (after stop). */
	cleanup() {
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

/** A `ws` WebSocket class that sends the given cookie (and Origin, if any) with the upgrade. */
export function socketWith(cookie: string, origin?: string) {
	return class extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie, ...(origin ? { origin } : {}) } });
		}
	};
}

/** A real y-websocket provider connected to the app as the owner of `cookie`. */
export function provider(app: AppProcess, doc: string, cookie: string, ydoc = new Y.Doc()) {
	return new WebsocketProvider(app.wsUrl, doc, ydoc, {
		WebSocketPolyfill: socketWith(cookie) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		resyncInterval: -1
	});
}

/** Resolves when the provider has completed its first sync. */
export function synced(p: WebsocketProvider): Promise<void> {
	return new Promise((resolve) => {
		if (p.synced) resolve();
		else p.once('sync', (s: boolean) => s && resolve());
	});
}

/** Polls `check` until it is true or the timeout passes. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}

/** Opens a raw websocket and reports the HTTP status if the upgrade is refused. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(url, { headers });
		ws.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', () => undefined);
	});
}
