// Presence floods: many clients moving their cursor once a second while others edit. Edits must
// stay fast; the server coalesces and rate-limits presence per connection (connection.ts).
import { BenchClient, Tablet, Watcher, type Counters } from '../../../bench/lib/client';
import { cpuSeconds } from '../../../bench/lib/proc';
import { summarise } from '../../../bench/lib/stats';
import type { SeededApp } from './app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rooms of the first class: `editors` tablets edit every 2 s in each; the other tablets only send presence at 1 Hz. */
export async function presenceFlood(app: SeededApp, options = { editorsPerRoom: 5, phaseS: 20 }) {
	const counters: Counters = { sent: 0, received: 0, bytesReceived: 0, errors: 0, disconnects: 0 };
	let latencies: number[] = [];
	const rooms = app.classes[0].rooms;
	const url = (doc: string) => `${app.server.wsBase}${doc}`;
	const editors: Tablet[] = [];
	const presence: BenchClient[] = [];
	const watchers: Watcher[] = [];
	rooms.forEach((r, i) => {
		r.tablets.forEach((cookie, t) => {
			if (t < options.editorsPerRoom) editors.push(new Tablet(url(r.doc), cookie, counters, `r${i}e${t}`));
			else presence.push(new BenchClient(url(r.doc), cookie, 'tablet', counters, `r${i}p${t}`));
		});
		watchers.push(new Watcher(url(r.doc), r.watcher, counters, `r${i}w`, (ms) => latencies.push(ms)));
	});
	const all = [...editors, ...presence, ...watchers];
	for (let i = 0; i < all.length; i += 50) await Promise.all(all.slice(i, i + 50).map((c) => c.connect()));
	const editTimers = editors.map((e) => {
		let timer: NodeJS.Timeout;
		const first = setTimeout(() => (e.edit(), (timer = setInterval(() => e.edit(), 2000))), Math.random() * 2000);
		return () => (clearTimeout(first), clearInterval(timer));
	});
	const phase = async () => {
		await sleep(2000);
		latencies = [];
		const cpu0 = cpuSeconds(app.server.pid);
		const received0 = counters.received;
		await sleep(options.phaseS * 1000);
		return { latency: summarise(latencies), serverCores: (cpuSeconds(app.server.pid) - cpu0) / options.phaseS, framesOutPerS: (counters.received - received0) / options.phaseS };
	};
	const quiet = await phase();
	let clock = 10;
	const presenceTimers = presence.map((p) => {
		let timer: NodeJS.Timeout;
		const first = setTimeout(() => (timer = setInterval(() => p.sendPresence(++clock, { user: { name: p.name }, cursor: { x: Math.random(), y: Math.random() } }), 1000)), Math.random() * 1000);
		return () => (clearTimeout(first), clearInterval(timer));
	});
	const flooded = await phase();
	for (const stop of [...editTimers, ...presenceTimers]) stop();
	for (const c of all) c.close();
	return { rooms: rooms.length, editors: editors.length, presenceClients: presence.length, quiet, flooded, errors: counters.errors, disconnects: counters.disconnects };
}
