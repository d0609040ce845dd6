import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollabServer } from './server';
import { MemoryStorage } from './storage';
import { updateMessage } from './protocol';
import { MAX_PENDING_BYTES } from './room';
import type { Authorize } from './types';

const authorize: Authorize = (_req, doc) => ({
	ok: true,
	grant: { doc, access: 'write', subject: `p:${Math.random()}`, workshopId: 'w1', user: { name: 'x', colour: '#123456' } }
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start() {
	const storage = new MemoryStorage();
	const collab = createCollabServer({ storage, authorize });
	const server = http.createServer();
	server.on('upgrade', collab.handleUpgrade);
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	cleanups.push(async () => {
		await collab.shutdown();
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`, storage, collab };
}

async function socket(url: string): Promise<WebSocket> {
	const ws = new WebSocket(url);
	ws.on('error', () => {});
	cleanups.push(() => ws.terminate());
	await once(ws, 'open');
	return ws;
}

function varUints(...values: number[]): Uint8Array {
	const e = encoding.createEncoder();
	for (const v of values) encoding.writeVarUint(e, v);
	return encoding.toUint8Array(e);
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));

describe('updates crafted to exhaust the server', () => {
	it('refuses struct counts the bytes cannot hold, at once, and the room goes on', async () => {
		const h = await start();
		const good = await socket(`${h.url}/doc`);
		const crafted = [varUints(1, 30_000_000, 1, 0, 0), varUints(2, 1, 1, 0, 0, 1, 16_000_000, 2, 0, 0)];
		const started = performance.now();
		for (const update of crafted) {
			const bad = await socket(`${h.url}/doc`);
			const code = closed(bad);
			bad.send(updateMessage(update));
			expect(await code).toBe(1007);
		}
		// Without the guard each of these blocks the event loop for about a second or more.
		expect(performance.now() - started).toBeLessThan(500);
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'still here');
		good.send(updateMessage(Y.encodeStateAsUpdate(doc)));
		await expect.poll(() => h.storage.count('doc')).toBe(1);
	});

	it('does not let changes with missing dependencies pile up', async () => {
		const h = await start();
		const ws = await socket(`${h.url}/doc`);
		const code = closed(ws);
		// Each update continues a client whose first change never came: Yjs parks it.
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => updates.push(u));
		const text = source.getText('t');
		text.insert(0, 'x');
		const chunk = 'y'.repeat(64 * 1024);
		for (let i = 0; i < 20; i++) text.insert(text.length, chunk);
		for (const u of updates.slice(1)) ws.send(updateMessage(u));
		expect(await code).toBe(1008);
		expect(updates.slice(1).reduce((n, u) => n + u.byteLength, 0)).toBeGreaterThan(MAX_PENDING_BYTES);
		expect(h.storage.count('doc')).toBe(0);
	});
});
