import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authorize, Decision, Grant } from './types';
import type { DocStorage } from './storage';
import { RoomRegistry } from './rooms';
import type { RoomLimits } from './room';
import { Connection, type ConnectionLimits } from './connection';

/** Every limit of the collaboration server. */
export interface Limits extends RoomLimits, ConnectionLimits {
	/** Keepalive period; a socket that misses one pong is terminated at the next tick. */
	pingIntervalMs: number;
	/** How long `authorize` may take before the upgrade is refused. */
	authorizeTimeoutMs: number;
	/** How long `shutdown` waits for closing handshakes before terminating sockets. */
	shutdownTimeoutMs: number;
}

/** The limits used where none are given. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
	maxMessageBytes: 2 * 1024 * 1024,
	maxAwarenessBytes: 64 * 1024,
	maxBufferedBytes: 8 * 1024 * 1024,
	syncRate: 200,
	syncBurst: 200,
	awarenessRate: 5,
	awarenessBurst: 5,
	maxQueuedMessages: 1000,
	compactAfter: 500,
	maxDocBytes: 16 * 1024 * 1024,
	maxAwarenessIds: 8,
	docIdleMs: 10_000,
	pingIntervalMs: 30_000,
	authorizeTimeoutMs: 10_000,
	shutdownTimeoutMs: 5_000
};

/** What `createCollabServer` needs. */
export interface CollabServerOptions {
	storage: DocStorage;
	authorize: Authorize;
	limits?: Partial<Limits>;
}

/** A collaboration server to attach to an HTTP server's `upgrade` event. */
export interface CollabServer {
	/** Takes over upgrades to `/collab/<doc>` and returns true; leaves other paths alone (false). */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Closes the connections whose grant matches; returns how many. */
	disconnect(matches: (grant: Grant) => boolean, code?: number, reason?: string): number;
	/**
	 * Changes a document on the server's behalf (loading it if no one has it open): `fn` runs in
	 * one transaction; the update is stored, then broadcast. Resolves with `fn`'s result once stored.
	 */
	change<T>(doc: string, fn: (ydoc: Y.Doc) => T): Promise<T>;
	/** Stops accepting, closes every socket with 1001 and unloads every room. */
	shutdown(): Promise<void>;
	/** Open rooms, connections, and rooms holding a Y.Doc, for health checks. */
	stats(): { rooms: number; connections: number; docsHeld: number };
	/** Who has a socket open on some document of `workshopId` now: their grants' subjects. */
	online(workshopId: string): Set<string>;
}

/** Keepalive ticks per ping period. */
const KEEPALIVE_SLICES = 30;

const PREFIX = '/collab/';
const DOC_NAME = /^[A-Za-z0-9._:-]{1,200}$/;

/** The document name in an upgrade path's last segment, or null when it is not acceptable. */
export function parseDocName(encoded: string): string | null {
	// Percent-encoding triples the length at most; anything longer cannot decode to a valid name.
	if (encoded.length > 600) return null;
	let name: string;
	try {
		name = decodeURIComponent(encoded);
	} catch {
		return null;
	}
	return DOC_NAME.test(name) ? name : null;
}

function refuse(socket: Duplex, status: number, reason: string): void {
	if (socket.destroyed) return;
	if (!socket.writable) return void socket.destroy();
	socket.once('finish', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
}

async function decide(authorize: Authorize, req: IncomingMessage, doc: string, timeoutMs: number): Promise<Decision> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('authorize timed out')), timeoutMs);
	});
	try {
		return await Promise.race([Promise.resolve(authorize(req, doc)), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Creates a collaboration server over `storage`, letting in only what `authorize` grants. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
	const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
	const rooms = new RoomRegistry(options.storage, limits);
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: limits.maxMessageBytes,
		clientTracking: false,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	const handshakes = new Set<Duplex>();
	let accepting = true;
	let stopped: Promise<void> | null = null;
	// Each tick pings one slice of the sockets: thousands of pings sent in one turn of the event
	// loop stalled every room for over 100 ms. Every socket is still pinged once a period.
	const slices = Array.from({ length: KEEPALIVE_SLICES }, () => new Set<Connection>());
	let nextSlice = 0;
	let tick = 0;
	const keepalive = setInterval(() => {
		tick = (tick + 1) % KEEPALIVE_SLICES;
		for (const connection of slices[tick]) connection.heartbeat();
	}, limits.pingIntervalMs / KEEPALIVE_SLICES);
	keepalive.unref();

	async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, encoded: string) {
		// A reset while we wait for `authorize` must not become an unhandled 'error'.
		const onError = () => socket.destroy();
		socket.on('error', onError);
		handshakes.add(socket);
		try {
			const doc = parseDocName(encoded);
			if (doc === null) return refuse(socket, 400, 'invalid document name');
			if (!accepting) return refuse(socket, 503, 'server shutting down');
			let decision: Decision;
			try {
				decision = await decide(options.authorize, req, doc, limits.authorizeTimeoutMs);
			} catch (error) {
				console.error(`collab: authorizing ${doc} failed`, error);
				return refuse(socket, 500, 'authorization failed');
			}
			if (socket.destroyed) return;
			if (!accepting) return refuse(socket, 503, 'server shutting down');
			if (!decision.ok) return refuse(socket, decision.status, decision.reason);
			const grant = decision.grant;
			if (grant.doc !== doc) {
				console.error(`collab: authorize granted ${grant.doc} for a request to ${doc}`);
				return refuse(socket, 500, 'authorization failed');
			}
			socket.off('error', onError);
			wss.handleUpgrade(req, socket, head, (ws) => attach(ws, grant));
		} finally {
			handshakes.delete(socket);
		}
	}

	function attach(ws: WebSocket, grant: Grant): void {
		if (!accepting) return void ws.close(1001, 'server shutting down');
		const connection = new Connection(ws, grant, rooms.open(grant.doc), limits);
		const slice = slices[nextSlice++ % KEEPALIVE_SLICES];
		connections.add(connection);
		slice.add(connection);
		void connection.done.then(() => {
			connections.delete(connection);
			slice.delete(connection);
		});
	}

	return {
		handleUpgrade(req, socket, head) {
			const path = (req.url ?? '').split('?', 1)[0];
			if (!path.startsWith(PREFIX)) return false;
			upgrade(req, socket, head, path.slice(PREFIX.length)).catch((error) => {
				console.error('collab: upgrade failed', error);
				socket.destroy();
			});
			return true;
		},

		disconnect(matches, code = 4403, reason = 'access revoked') {
			return rooms.disconnect(matches, code, reason);
		},

		async change(doc, fn) {
			if (!accepting) throw new Error('collab server shutting down');
			return rooms.change(doc, fn);
		},

		shutdown() {
			stopped ??= (async () => {
				accepting = false;
				clearInterval(keepalive);
				for (const socket of handshakes) refuse(socket, 503, 'server shutting down');
				const open = [...connections];
				for (const connection of open) connection.close(1001, 'server shutting down');
				const closed = Promise.all(open.map((connection) => connection.done));
				let timer: NodeJS.Timeout | undefined;
				const late = new Promise<'late'>((resolve) => {
					timer = setTimeout(() => resolve('late'), limits.shutdownTimeoutMs);
				});
				if ((await Promise.race([closed, late])) === 'late') {
					for (const connection of open) connection.terminate();
					await closed;
				}
				clearTimeout(timer);
				rooms.closeAll();
				await new Promise<void>((resolve) => wss.close(() => resolve()));
			})();
			return stopped;
		},

		stats() {
			return { rooms: rooms.size, connections: connections.size, docsHeld: rooms.docsHeld };
		},

		online(workshopId) {
			const subjects = new Set<string>();
			for (const connection of connections) if (connection.grant.workshopId === workshopId) subjects.add(connection.grant.subject);
			return subjects;
		}
	};
}
