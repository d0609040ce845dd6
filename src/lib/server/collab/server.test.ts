import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { open } from '../db';
import { createCollabServer, type CollabServer, type Limits } from './server';
import { MemoryStorage, type DocStorage, type StoredDoc } from './storage';
import { SqliteStorage } from './sqlite-storage';
import { awarenessMessage, encodeAwareness, updateMessage } from './protocol';
import type { Authorize, Grant } from './types';

process.env.MIGRATIONS_DIR ??= fileURLToPath(new URL('../../../../drizzle', import.meta.url));

// Who connects is taken from the query string: ?who=<name>&access=read|write|none|forbidden|throw.
const authorize: Authorize = (req, doc) => {
	const query = new URL(req.url ?? '/', 'http://x').searchParams;
	const who = query.get('who') ?? 'anon';
	const access = query.get('access') ?? 'write';
	if (access === 'none') return { ok: false, status: 401, reason: 'sign in first' };
	if (access === 'forbidden') return { ok: false, status: 403, reason: 'not your group' };
	if (access === 'throw') throw new Error('database on fire');
	const grant: Grant = {
		doc,
		access: access === 'read' ? 'read' : 'write',
		subject: `p:${who}`,
		workshopId: 'w1',
		user: { name: `Server ${who}`, colour: '#123456' }
	};
	return { ok: true, grant };
};

interface Harness {
	url: string;
	collab: CollabServer;
	storage: DocStorage;
	stop(): Promise<void>;
}

const cleanups: (() => unknown)[] = [];
beforeEach(() => expect.hasAssertions());
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(storage: DocStorage = new MemoryStorage(), limits?: Partial<Limits>): Promise<Harness> {
	const collab = createCollabServer({ storage, authorize, limits });
	const server = http.createServer();
	server.on('upgrade', collab.handleUpgrade);
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await collab.shutdown();
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	};
	cleanups.push(stop);
	return { url: `ws://127.0.0.1:${port}/collab`, collab, storage, stop };
}

/** A stock y-websocket provider, resolved once synced. */
async function provider(h: Harness, doc: string, who: string, access = 'write') {
	const ydoc = new Y.Doc();
	const p = new WebsocketProvider(h.url, doc, ydoc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params: { who, access }
	});
	const closes: number[] = [];
	p.on('connection-close', (event) => event && closes.push(event.code));
	cleanups.push(() => {
		p.destroy();
		ydoc.destroy();
	});
	await new Promise<void>((resolve) => p.once('sync', () => resolve()));
	return { ydoc, p, text: ydoc.getText('t'), closes };
}

/** A bare socket for sending what no provider would. */
async function raw(h: Harness, doc: string, who = 'mallory'): Promise<WebSocket> {
	const ws = new WebSocket(`${h.url}/${doc}?who=${who}`);
	ws.on('error', () => {});
	cleanups.push(() => ws.terminate());
	await once(ws, 'open');
	return ws;
}

const closeCode = (ws: WebSocket) =>
	new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

async function storedText(storage: DocStorage, doc: string): Promise<string> {
	const ydoc = new Y.Doc();
	for (const update of (await storage.load(doc)).updates) Y.applyUpdate(ydoc, update);
	return ydoc.getText('t').toString();
}

/** A storage that keeps its rows in `memory`, with some of its methods replaced. */
function memoryWith(memory: MemoryStorage, replaced: Partial<DocStorage>): DocStorage {
	return {
		load: (doc) => memory.load(doc),
		append: (doc, update) => memory.append(doc, update),
		flush: () => memory.flush(),
		compact: (doc, merged, upToId) => memory.compact(doc, merged, upToId),
		count: (doc) => memory.count(doc),
		delete: (doc) => memory.delete(doc),
		...replaced
	};
}

function insertMessage(text: string): Uint8Array {
	const ydoc = new Y.Doc();
	ydoc.getText('t').insert(0, text);
	return updateMessage(Y.encodeStateAsUpdate(ydoc));
}

/** Upgrades and returns the HTTP status of the refusal. */
async function refusal(h: Harness, pathAndQuery: string): Promise<{ status: number; body: string }> {
	const ws = new WebSocket(h.url.replace(/\/collab$/, '') + pathAndQuery);
	ws.on('error', () => {});
	const [, res] = (await once(ws, 'unexpected-response')) as [unknown, http.IncomingMessage];
	let body = '';
	for await (const chunk of res) body += chunk;
	return { status: res.statusCode ?? 0, body };
}

describe('collab server', () => {
	it('makes two providers converge', async () => {
		const h = await start();
		const a = await provider(h, 'conv', 'alice');
		const b = await provider(h, 'conv', 'bob');
		let t0 = performance.now();
		a.text.insert(0, 'hello');
		await until(() => b.text.toString() === 'hello');
		const oneWay = performance.now() - t0;
		t0 = performance.now();
		a.text.insert(5, ' world');
		b.text.insert(0, '>> ');
		await until(() => a.text.toString() === b.text.toString() && a.text.length === 14);
		const both = performance.now() - t0;
		console.log(`converged: one-way ${oneWay.toFixed(1)} ms, concurrent edits ${both.toFixed(1)} ms`);
		expect(a.text.toString()).toBe('>> hello world');
		expect(await storedText(h.storage, 'conv')).toBe('>> hello world');
	});

	it('merges a burst of updates into few frames and does not echo the sender', async () => {
		const h = await start();
		const sender = await raw(h, 'burst', 'sam');
		const listener = await raw(h, 'burst', 'lee');
		const framesTo = (ws: WebSocket) => {
			const frames: Uint8Array[] = [];
			ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 2 && frames.push(data));
			return frames;
		};
		const toSender = framesTo(sender);
		const toListener = framesTo(listener);
		const source = new Y.Doc();
		source.on('update', (update: Uint8Array) => sender.send(updateMessage(update)));
		for (let i = 0; i < 50; i++) source.getText('t').insert(i, 'x');
		const mirror = new Y.Doc();
		let received = 0;
		await until(() => {
			for (const frame of toListener.splice(0)) {
				const decoder = decoding.createDecoder(frame);
				decoding.readVarUint(decoder);
				decoding.readVarUint(decoder);
				Y.applyUpdate(mirror, decoding.readVarUint8Array(decoder));
				received++;
			}
			return mirror.getText('t').length === 50;
		});
		console.log(`50 updates reached a peer in ${received} frame(s)`);
		expect(received).toBeLessThan(50);
		expect(h.storage.count('burst')).toBe(50);
		expect(toSender).toEqual([]);
	});

	it('drops every edit of a read-only connection', async () => {
		const h = await start();
		const writer = await provider(h, 'ro', 'wendy');
		const reader = await provider(h, 'ro', 'rita', 'read');
		reader.text.insert(0, 'evil');
		// The server handles one socket's messages in order: once the reader's later presence
		// arrives at the writer, its edit has been seen (and dropped).
		reader.p.awareness.setLocalStateField('probe', 1);
		await until(() => writer.p.awareness.getStates().get(reader.ydoc.clientID)?.probe === 1);
		writer.text.insert(0, 'good');
		await until(() => reader.text.toString().includes('good'));
		expect(writer.text.toString()).toBe('good');
		expect(await storedText(h.storage, 'ro')).toBe('good');
		expect(reader.closes).toEqual([]);
	});

	it('refuses upgrades that are not authorised, with plain HTTP', async () => {
		const h = await start();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanups.push(() => logged.mockRestore());
		expect(await refusal(h, '/collab/doc?access=none')).toEqual({ status: 401, body: 'sign in first' });
		expect(await refusal(h, '/collab/doc?access=forbidden')).toEqual({ status: 403, body: 'not your group' });
		expect((await refusal(h, '/collab/doc?access=throw')).status).toBe(500);
		expect(logged).toHaveBeenCalledOnce();
		expect((await refusal(h, '/collab/bad%20name')).status).toBe(400);
		expect((await refusal(h, `/collab/${'x'.repeat(201)}`)).status).toBe(400);
		expect((await refusal(h, '/collab/%E0%A4%A')).status).toBe(400);
		expect(h.collab.stats()).toEqual({ rooms: 0, connections: 0, docsHeld: 0 });
	});

	it('closes only the socket that sends garbage or too much', async () => {
		const h = await start(new MemoryStorage(), { maxMessageBytes: 64 * 1024 });
		const a = await provider(h, 'shared', 'alice');
		const b = await provider(h, 'shared', 'bob');
		const c = await provider(h, 'elsewhere', 'carol');
		const d = await provider(h, 'elsewhere', 'dave');
		const attacks: [Uint8Array | string, number[]][] = [
			[new Uint8Array(10).fill(0xff), [1007]],
			[new Uint8Array([0, 0, 5, 1]), [1007]],
			[new Uint8Array([7, 1, 2]), [1003]],
			[new Uint8Array([0, 2, 3, 0xff, 0xff, 0xff]), [1007]],
			['{"text": true}', [1003]],
			[new Uint8Array(100 * 1024), [1009]]
		];
		for (const [frame, codes] of attacks) {
			const ws = await raw(h, 'shared');
			const closed = closeCode(ws);
			ws.send(frame);
			expect(codes).toContain(await closed);
		}
		a.text.insert(0, 'still ');
		c.text.insert(0, 'fine');
		await until(() => b.text.toString() === 'still ' && d.text.toString() === 'fine');
		expect([a, b, c, d].flatMap((x) => x.closes)).toEqual([]);
	});

	it('refuses writes that would make a document too large', async () => {
		const h = await start(new MemoryStorage(), { maxDocBytes: 10_000 });
		const ws = await raw(h, 'big');
		const closed = closeCode(ws);
		ws.send(insertMessage('x'.repeat(20_000)));
		expect(await closed).toBe(1008);
		expect(await h.storage.load('big')).toEqual({ updates: [], lastId: 0 });
	});

	it('owns presence: rewrites user, protects other ids, removes it on close', async () => {
		const h = await start();
		const a = await provider(h, 'aw', 'alice');
		const b = await provider(h, 'aw', 'bob');
		a.p.awareness.setLocalStateField('user', { name: 'Admin', colour: '#000000' });
		a.p.awareness.setLocalStateField('cursor', 3);
		const aState = () => b.p.awareness.getStates().get(a.ydoc.clientID);
		await until(() => aState()?.cursor === 3);
		expect(aState()?.user).toEqual({ name: 'Server alice', colour: '#123456' });

		const ws = await raw(h, 'aw');
		const forged = [
			{ clientId: a.ydoc.clientID, clock: 10_000, state: null },
			{ clientId: 999, clock: 1, state: { user: { name: 'alice' }, hello: true } }
		];
		ws.send(awarenessMessage(encodeAwareness(forged)));
		await until(() => b.p.awareness.getStates().get(999)?.hello === true);
		expect(b.p.awareness.getStates().get(999)?.user).toEqual({ name: 'Server mallory', colour: '#123456' });
		expect(aState()?.user).toEqual({ name: 'Server alice', colour: '#123456' });

		ws.terminate();
		await until(() => !b.p.awareness.getStates().has(999));
		expect(aState()?.cursor).toBe(3);
	});

	it('stores every update before any peer receives it', async () => {
		const h = await start();
		const a = await provider(h, 'order', 'alice');
		const b = await provider(h, 'order', 'bob');
		const violations: string[] = [];
		const checks: Promise<void>[] = [];
		b.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== b.p) return;
			const seen = b.text.toString();
			checks.push(
				storedText(h.storage, 'order').then((stored) => {
					if (!stored.startsWith(seen)) violations.push(`peer saw "${seen}", storage had "${stored}"`);
				})
			);
		});
		const word = 'persist-before-broadcast';
		for (const ch of word) a.text.insert(a.text.length, ch);
		await until(() => b.text.toString() === word);
		await Promise.all(checks);
		expect(checks.length).toBeGreaterThan(0);
		expect(violations).toEqual([]);
	});

	it('commits grouped updates to the database file before any peer of any room receives them', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-collab-'));
		const file = path.join(dir, 'collab.db');
		const db = open(file);
		// Another process's view: only committed rows.
		const outside = new Database(file, { readonly: true });
		cleanups.push(() => {
			outside.close();
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		});
		const committed = outside.prepare<[string], { update: Buffer }>('SELECT "update" FROM yjs_update WHERE doc = ? ORDER BY id');
		const committedText = (doc: string) => {
			const ydoc = new Y.Doc();
			for (const row of committed.all(doc)) Y.applyUpdate(ydoc, row.update);
			return ydoc.getText('t').toString();
		};
		const h = await start(new SqliteStorage(db.$client));
		const docs = ['group-1', 'group-2', 'group-3'];
		const pairs = await Promise.all(
			docs.map(async (doc) => ({ doc, a: await provider(h, doc, 'alice'), b: await provider(h, doc, 'bob') }))
		);
		const violations: string[] = [];
		let checked = 0;
		for (const { doc, b } of pairs) {
			b.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
				if (origin !== b.p) return;
				const seen = b.text.toString();
				const stored = committedText(doc);
				checked++;
				if (!stored.startsWith(seen)) violations.push(`${doc}: peer saw "${seen}", the file had "${stored}"`);
			});
		}
		const word = 'grouped-commit';
		// Every room's writer types in the same turns, so one commit carries several rooms' updates.
		for (const ch of word) for (const { a } of pairs) a.text.insert(a.text.length, ch);
		await until(() => pairs.every(({ b }) => b.text.toString() === word));
		expect(checked).toBeGreaterThan(0);
		expect(violations).toEqual([]);
		for (const { doc } of pairs) expect(committedText(doc)).toBe(word);
	});

	it('flushes grouped appends before it broadcasts them, also for server-side changes', async () => {
		const memory = new MemoryStorage();
		// Appends count only once flushed, as with a transaction that nobody else commits.
		let durable: Uint8Array[] = [];
		let appended: Uint8Array[] = [];
		const grouped = memoryWith(memory, {
			append: (doc, update) => {
				appended.push(update);
				return memory.append(doc, update);
			},
			flush: () => {
				durable = [...durable, ...appended];
				appended = [];
			}
		});
		const textOf = (updates: Uint8Array[]) => {
			const ydoc = new Y.Doc();
			for (const update of updates) Y.applyUpdate(ydoc, update);
			return ydoc.getText('t').toString();
		};
		const h = await start(grouped);
		const a = await provider(h, 'flush', 'alice');
		const b = await provider(h, 'flush', 'bob');
		const violations: string[] = [];
		b.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== b.p) return;
			const seen = b.text.toString();
			if (!textOf(durable).startsWith(seen)) violations.push(`peer saw "${seen}" before it was flushed`);
		});
		for (const ch of 'typed') a.text.insert(a.text.length, ch);
		await until(() => b.text.toString() === 'typed');
		await h.collab.change('flush', (ydoc) => ydoc.getText('t').insert(5, '+server'));
		expect(textOf(durable)).toBe('typed+server');
		await until(() => b.text.toString() === 'typed+server');
		expect(violations).toEqual([]);
	});

	it('closes the rooms whose grouped appends were rolled back, and only those', async () => {
		const memory = new MemoryStorage();
		let lose: (docs: string[]) => void = () => {};
		const storage = memoryWith(memory, { onLost: (listener) => void (lose = listener) });
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanups.push(() => logged.mockRestore());
		const h = await start(storage);
		const lostSocket = await raw(h, 'rolled-back', 'lee');
		const keptSocket = await raw(h, 'committed', 'sam');
		const closed = closeCode(lostSocket);
		let keptClosed = false;
		keptSocket.once('close', () => (keptClosed = true));
		lose(['rolled-back', 'not-open']);
		expect(await closed).toBe(1011);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(keptClosed).toBe(false);
		expect(h.collab.stats().rooms).toBe(1);
	});

	it('pings every socket once a period, spread over the period, and drops one that never answers', async () => {
		const periodMs = 600;
		const h = await start(new MemoryStorage(), { pingIntervalMs: periodMs });
		const firstPing: number[] = [];
		const sockets: WebSocket[] = [];
		for (let i = 0; i < 30; i++) {
			const ws = await raw(h, `beat-${i % 3}`, `p${i}`);
			const opened = performance.now();
			ws.once('ping', () => firstPing.push(performance.now() - opened));
			sockets.push(ws);
		}
		const silent = new WebSocket(`${h.url}/beat-0?who=silent`, { autoPong: false });
		silent.on('error', () => {});
		cleanups.push(() => silent.terminate());
		await once(silent, 'open');
		const silentClosed = closeCode(silent);
		await until(() => firstPing.length === sockets.length, 3 * periodMs);
		// One tick pings one slice, so the first pings are spread, not all in one turn.
		expect(Math.max(...firstPing) - Math.min(...firstPing)).toBeGreaterThan(periodMs / 3);
		expect(await silentClosed).toBe(1006);
		expect(sockets.every((ws) => ws.readyState === WebSocket.OPEN)).toBe(true);
	});

	it('keeps messages that arrive while the document loads', async () => {
		const memory = new MemoryStorage();
		const slow = memoryWith(memory, {
			load: (doc) => new Promise<StoredDoc>((resolve) => setTimeout(() => resolve(memory.load(doc)), 100))
		});
		const h = await start(slow);
		const ws = await raw(h, 'slow');
		ws.send(insertMessage('early'));
		const b = await provider(h, 'slow', 'bob');
		await until(() => b.text.toString() === 'early');
		expect(await storedText(h.storage, 'slow')).toBe('early');
	});

	it('closes the room instead of broadcasting what it could not store', async () => {
		const memory = new MemoryStorage();
		const broken = memoryWith(memory, {
			append: () => {
				throw new Error('disk full');
			}
		});
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanups.push(() => logged.mockRestore());
		const h = await start(broken);
		const listener = await raw(h, 'full', 'lee');
		const updates: Buffer[] = [];
		listener.on('message', (data: Buffer) => data[1] === 2 && updates.push(data));
		const writer = await raw(h, 'full', 'sam');
		const codes = Promise.all([closeCode(writer), closeCode(listener)]);
		writer.send(insertMessage('lost'));
		expect(await codes).toEqual([1011, 1011]);
		expect(updates).toEqual([]);
		await until(() => h.collab.stats().rooms === 0);
	});

	it('unloads an empty room, compacts it, and serves it again after a restart', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-collab-'));
		const file = path.join(dir, 'collab.db');
		const db1 = open(file);
		cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
		const h1 = await start(new SqliteStorage(db1.$client), { compactAfter: 20 });
		const a = await provider(h1, 'durable', 'alice');
		const text = 'written before the restart';
		for (const ch of text) a.text.insert(a.text.length, ch);
		await until(() => h1.storage.count('durable') >= 1 && h1.collab.stats().rooms === 1);
		a.p.destroy();
		await until(() => h1.collab.stats().rooms === 0);
		expect(h1.storage.count('durable')).toBe(1);
		await h1.stop();
		db1.$client.close();

		const db2 = open(file);
		cleanups.push(() => db2.$client.close());
		const h2 = await start(new SqliteStorage(db2.$client));
		const b = await provider(h2, 'durable', 'bob');
		expect(b.text.toString()).toBe(text);
	});

	it("tells who is connected to a workshop's documents, until they leave", async () => {
		const h = await start();
		const a = await provider(h, 'here-1', 'alice');
		await provider(h, 'here-2', 'alice');
		await provider(h, 'here-2', 'bob');
		expect([...h.collab.online('w1')].sort()).toEqual(['p:alice', 'p:bob']);
		expect(h.collab.online('w2').size).toBe(0);
		a.p.destroy();
		// Still on her other board.
		await until(() => h.collab.stats().connections === 2);
		expect(h.collab.online('w1').has('p:alice')).toBe(true);
		expect(h.collab.disconnect((grant) => grant.subject === 'p:alice')).toBe(1);
		await until(() => !h.collab.online('w1').has('p:alice'));
		expect([...h.collab.online('w1')]).toEqual(['p:bob']);
	});

	it('disconnects matching grants and closes everything with 1001 on shutdown', async () => {
		const h = await start();
		const a = await provider(h, 'bye', 'alice');
		const b = await provider(h, 'bye', 'bob');
		const bClosed = new Promise<number>((resolve) => b.p.once('closed', (event) => resolve(event.code)));
		expect(h.collab.disconnect((grant) => grant.subject === 'p:bob')).toBe(1);
		expect(await bClosed).toBe(4403);
		await until(() => h.collab.stats().connections === 1);
		await h.collab.shutdown();
		expect(a.closes).toEqual([1001]);
		expect(h.collab.stats()).toEqual({ rooms: 0, connections: 0, docsHeld: 0 });
	});
});

describe('a document the server holds encoded', () => {
	/** The updates a client sends for `edits`, one per edit. */
	function edits(...texts: string[]): Uint8Array[] {
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		for (const text of texts) source.getText('t').insert(source.getText('t').length, text);
		return updates;
	}

	it('stores and forwards edits without a Y.Doc, and answers a later sync with all of them', async () => {
		const h = await start(new MemoryStorage(), { docIdleMs: 20 });
		const a = await provider(h, 'lazy', 'alice');
		a.text.insert(0, 'one');
		await until(() => h.storage.count('lazy') === 1);
		await until(() => h.collab.stats().docsHeld === 0);
		const watcher = await raw(h, 'lazy', 'wes');
		const mirror = new Y.Doc();
		Y.applyUpdate(mirror, Y.encodeStateAsUpdate(a.ydoc));
		watcher.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(data);
			if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
			Y.applyUpdate(mirror, decoding.readVarUint8Array(decoder));
		});
		a.text.insert(3, ' two');
		a.text.insert(7, ' three');
		await until(() => h.storage.count('lazy') === 3 && mirror.getText('t').toString() === 'one two three');
		// Edits that continue the document went to storage and to the peer as they came.
		expect(h.collab.stats().docsHeld).toBe(0);
		const b = await provider(h, 'lazy', 'bob');
		expect(b.text.toString()).toBe('one two three');
		expect(h.collab.stats().docsHeld).toBe(1);
		b.text.insert(0, '> ');
		await until(() => a.text.toString() === '> one two three');
		await until(() => h.collab.stats().docsHeld === 0);
		expect(await storedText(h.storage, 'lazy')).toBe('> one two three');
	});

	it('holds back an edit whose earlier edits are missing, and sends both once they arrive', async () => {
		const h = await start();
		const peer = await provider(h, 'order', 'bob');
		const ws = await raw(h, 'order', 'sam');
		const [first, second, third] = edits('ab', 'cd', 'ef');
		ws.send(updateMessage(second));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(peer.text.toString()).toBe('');
		expect(h.storage.count('order')).toBe(0);
		ws.send(updateMessage(first));
		await until(() => peer.text.toString() === 'abcd');
		expect(await storedText(h.storage, 'order')).toBe('abcd');
		ws.send(updateMessage(third));
		await until(() => peer.text.toString() === 'abcdef');
		expect(await storedText(h.storage, 'order')).toBe('abcdef');
	});

	it('stores an edit that arrives twice only once', async () => {
		const h = await start();
		const ws = await raw(h, 'twice', 'sam');
		const [first, second] = edits('ab', 'cd');
		ws.send(updateMessage(first));
		ws.send(updateMessage(first));
		ws.send(updateMessage(second));
		await until(() => h.storage.count('twice') === 2);
		const peer = await provider(h, 'twice', 'bob');
		expect(peer.text.toString()).toBe('abcd');
		expect(h.storage.count('twice')).toBe(2);
	});
});
