import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollabServer, type CollabServer } from './server';
import { MemoryStorage } from './storage';
import type { Authorize } from './types';

// Everyone may write: these tests are about the server's own changes, not about the door.
const authorize: Authorize = (_req, doc) => ({
	ok: true,
	grant: { doc, access: 'write', subject: 'p:test', workshopId: 'w1', user: { name: 'T', colour: '#123456' } }
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(storage = new MemoryStorage()) {
	const collab = createCollabServer({ storage, authorize });
	const server = http.createServer();
	server.on('upgrade', collab.handleUpgrade);
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	cleanups.push(async () => {
		await collab.shutdown();
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	return { collab, storage, url: `ws://127.0.0.1:${port}/collab` };
}

function stored(storage: MemoryStorage, doc: string): Y.Doc {
	const ydoc = new Y.Doc();
	for (const update of storage.load(doc).updates) Y.applyUpdate(ydoc, update);
	return ydoc;
}

async function until(check: () => boolean, timeoutMs = 3000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

describe('server-side document changes', () => {
	it('loads a closed document, stores the change and unloads it again', async () => {
		const { collab, storage } = await start();
		await collab.change('doc-a', (doc) => doc.getMap('m').set('first', 1));
		const result = await collab.change('doc-a', (doc) => {
			doc.getMap('m').set('second', 2);
			return doc.getMap('m').get('first');
		});
		expect(result).toBe(1);
		expect(stored(storage, 'doc-a').getMap('m').toJSON()).toEqual({ first: 1, second: 2 });
		expect(collab.stats().rooms).toBe(0);
	});

	it('applies concurrent changes to the same document', async () => {
		const { collab, storage } = await start();
		await Promise.all(Array.from({ length: 5 }, (_, i) => collab.change('doc-b', (doc) => doc.getArray('a').push([i]))));
		expect(stored(storage, 'doc-b').getArray('a').toArray().sort()).toEqual([0, 1, 2, 3, 4]);
		expect(collab.stats().rooms).toBe(0);
	});

	it('stores a change before a connected peer sees it, and keeps the room open for the peer', async () => {
		const { collab, storage, url } = await start();
		const ydoc = new Y.Doc();
		const provider = new WebsocketProvider(url, 'doc-c', ydoc, {
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		cleanups.push(() => provider.destroy());
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		let storedWhenSeen: unknown = 'not seen';
		ydoc.getMap('m').observe(() => {
			storedWhenSeen = stored(storage, 'doc-c').getMap('m').get('by');
		});
		await collab.change('doc-c', (doc) => doc.getMap('m').set('by', 'server'));
		await until(() => ydoc.getMap('m').get('by') === 'server');
		expect(storedWhenSeen).toBe('server');
		expect(collab.stats().rooms).toBe(1);
		// The peer can still edit afterwards: the room was not closed under it.
		ydoc.getMap('m').set('after', true);
		await until(() => stored(storage, 'doc-c').getMap('m').get('after') === true);
		expect(stored(storage, 'doc-c').getMap('m').get('after')).toBe(true);
	});

	it('is never matched by disconnect, and refuses once shutting down', async () => {
		const { collab } = await start();
		const pending = collab.change('doc-d', (doc) => {
			doc.getMap('m').set('x', 1);
		});
		expect(collab.disconnect(() => true)).toBe(0);
		await pending;
		await collab.shutdown();
		await expect(collab.change('doc-d', () => undefined)).rejects.toThrow(/shutting down/);
	});
});
