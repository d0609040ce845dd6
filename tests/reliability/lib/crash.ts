// kill -9 under load: afterwards the reloaded documents must hold every update any peer received.
import * as Y from 'yjs';
import { Tablet, Watcher, type Counters } from '../../../bench/lib/client';
import type { SeededApp } from './app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when `server` already holds everything in `peer` (structs and deletions). */
export function holdsAll(server: Y.Doc, peer: Y.Doc): boolean {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
	let changed = false;
	copy.on('update', () => (changed = true));
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(peer));
	return !changed && copy.store.pendingStructs === null;
}

/** Runs edits in every room, kills the server with SIGKILL mid-stream, restarts it and compares. */
export async function crashUnderLoad(app: SeededApp, options = { editEveryMs: 100, loadMs: 2500 }) {
	const counters: Counters = { sent: 0, received: 0, bytesReceived: 0, errors: 0, disconnects: 0 };
	const rooms = app.classes.flatMap((c) => c.rooms);
	const url = (doc: string) => `${app.server.wsBase}${doc}`;
	const tablets = rooms.flatMap((r, i) => r.tablets.map((cookie, t) => new Tablet(url(r.doc), cookie, counters, `c${i}t${t}`, true)));
	const watchers = rooms.map((r, i) => new Watcher(url(r.doc), r.watcher, counters, `c${i}w`, () => {}));
	await Promise.all([...tablets, ...watchers].map((c) => c.connect()));
	const timers = tablets.map((t) => setInterval(() => t.edit(), options.editEveryMs * (0.5 + Math.random())));
	await sleep(options.loadMs);
	await app.server.stop('SIGKILL');
	for (const timer of timers) clearInterval(timer);
	const edits = tablets.reduce((n, t) => n + t.edits, 0);
	const received = counters.received;
	// What each peer had received when the server died (tablets: only what came from the server).
	const peers = [...tablets.map((t) => ({ doc: t.doc, received: t.received!, url: t.url })), ...watchers.map((w) => ({ doc: w.doc, received: w.doc, url: w.url }))];
	await app.restart();
	const reloaded = new Map<string, Y.Doc>();
	for (const r of rooms) {
		const check = new Watcher(url(r.doc), r.watcher, counters, 'check', () => {});
		await check.connect();
		reloaded.set(url(r.doc).replace(/^ws:\/\/[^/]+/, ''), check.doc);
		check.close();
	}
	let lost = 0;
	let notesSeen = 0;
	for (const peer of peers) {
		const server = reloaded.get(peer.url.replace(/^ws:\/\/[^/]+/, ''))!;
		notesSeen += peer.received.getMap('notes').size;
		if (!holdsAll(server, peer.received)) lost++;
	}
	// Unacknowledged edits a tablet made just before the crash are not lost either: it still has them.
	let unsentButKept = 0;
	for (const t of tablets) {
		const server = reloaded.get(t.url.replace(/^ws:\/\/[^/]+/, ''))!;
		if (!holdsAll(server, t.doc)) unsentButKept++;
	}
	// The tablets reconnect with what they hold; then the server must have every edit ever made.
	await Promise.all(tablets.map((t) => t.connect()));
	await sleep(500);
	let missingAfterReconnect = 0;
	for (const r of rooms) {
		const check = new Watcher(url(r.doc), r.watcher, counters, 'check', () => {});
		await check.connect();
		for (const t of tablets) if (t.url === url(r.doc) && !holdsAll(check.doc, t.doc)) missingAfterReconnect++;
		check.close();
	}
	for (const c of [...tablets, ...watchers]) c.drop();
	return {
		rooms: rooms.length,
		peers: peers.length,
		edits,
		framesReceived: received,
		notesSeenByPeers: notesSeen,
		peersMissingSomething: lost,
		tabletsAheadOfServerAtCrash: unsentButKept,
		tabletsMissingAfterReconnect: missingAfterReconnect
	};
}
