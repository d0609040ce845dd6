// Network faults: a burst of tablets loses its connection at once, keeps editing offline, and
// comes back; every watcher must end up with every edit, and the server must have stored them.
import { Tablet, Watcher, type Counters } from '../../../bench/lib/client';
import type { SeededApp } from './app';
import { holdsAll } from './crash';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drops `drop` tablets for `offlineS` seconds while everyone edits every `periodMs`; measures convergence. */
export async function dropAndReconnect(app: SeededApp, options = { drop: 30, offlineS: 20, periodMs: 2000 }) {
	const counters: Counters = { sent: 0, received: 0, bytesReceived: 0, errors: 0, disconnects: 0 };
	const rooms = app.classes.flatMap((c) => c.rooms);
	const url = (doc: string) => `${app.server.wsBase}${doc}`;
	const tablets = rooms.flatMap((r, i) => r.tablets.map((cookie, t) => new Tablet(url(r.doc), cookie, counters, `f${i}t${t}`)));
	const watchers = rooms.map((r, i) => new Watcher(url(r.doc), r.watcher, counters, `f${i}w`, () => {}));
	await Promise.all([...tablets, ...watchers].map((c) => c.connect()));
	const timers = tablets.map((t) => setInterval(() => t.edit(), options.periodMs * (0.8 + Math.random() * 0.4)));
	await sleep(3000);
	// Spread the victims over the rooms, as when one corner of the room loses Wi-Fi.
	const victims = tablets.filter((_, i) => i % Math.max(1, Math.floor(tablets.length / options.drop)) === 0).slice(0, options.drop);
	for (const v of victims) v.drop();
	await sleep(options.offlineS * 1000);
	const editsOffline = victims.reduce((n, v) => n + v.edits, 0);
	const t0 = performance.now();
	const reconnected = await Promise.allSettled(victims.map((v) => v.connect()));
	const reconnectMs = performance.now() - t0;
	for (const timer of timers) clearInterval(timer);
	// Converged: every room's watcher holds every tablet of that room's document.
	const byUrl = new Map(watchers.map((w) => [w.url, w]));
	let convergedMs = -1;
	while (performance.now() - t0 < 30_000) {
		if (tablets.every((t) => holdsAll(byUrl.get(t.url)!.doc, t.doc))) {
			convergedMs = performance.now() - t0;
			break;
		}
		await sleep(20);
	}
	const behind = tablets.filter((t) => !holdsAll(byUrl.get(t.url)!.doc, t.doc)).length;
	for (const c of [...tablets, ...watchers]) c.close();
	return {
		tablets: tablets.length,
		dropped: victims.length,
		offlineS: options.offlineS,
		reconnectFailures: reconnected.filter((r) => r.status === 'rejected').length,
		reconnectMs,
		convergedMs,
		tabletsNotConverged: behind,
		edits: tablets.reduce((n, t) => n + t.edits, 0),
		editsByDroppedTablets: editsOffline,
		unexpectedDisconnects: counters.disconnects
	};
}
