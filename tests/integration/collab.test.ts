import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { AppProcess, provider, synced, until, upgradeStatus } from './harness';
import { seed } from './seed';

const app = new AppProcess();
let s: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
	s = await seed(app.dbPath);
	await app.start();
});

afterAll(async () => {
	await app.stop('SIGKILL');
	app.cleanup();
});

const notes = (doc: Y.Doc) => doc.getArray<string>('it-notes').toArray();

describe('live co-editing against the real server', () => {
	it('two providers in one group converge', async () => {
		const a = provider(app, s.docs.board1, s.alice.cookie);
		const b = provider(app, s.docs.board1, s.bob.cookie);
		await Promise.all([synced(a), synced(b)]);
		const t0 = performance.now();
		a.doc.getArray<string>('it-notes').push(['from alice']);
		b.doc.getArray<string>('it-notes').push(['from bob']);
		await until(() => notes(a.doc).length === 2 && notes(b.doc).length === 2);
		const ms = performance.now() - t0;
		console.log(`converged in ${ms.toFixed(1)} ms`);
		expect(notes(a.doc).sort()).toEqual(['from alice', 'from bob']);
		expect(notes(b.doc)).toEqual(notes(a.doc));
		a.destroy();
		b.destroy();
	});

	it('keeps every update across a SIGKILL and restart', async () => {
		const a = provider(app, s.docs.board2, s.carol.cookie);
		await synced(a);
		for (let i = 0; i < 50; i++) a.doc.getArray<string>('it-notes').push([`note ${i}`]);
		// Another peer has seen all of it: so it must be on disk.
		const watcher = provider(app, s.docs.board2, s.facilitator);
		await until(() => notes(watcher.doc).length === 50);
		a.destroy();
		watcher.destroy();
		expect(await app.stop('SIGKILL')).toBeNull();
		await app.start();
		const again = provider(app, s.docs.board2, s.carol.cookie);
		await synced(again);
		expect(notes(again.doc)).toHaveLength(50);
		expect(notes(again.doc)[49]).toBe('note 49');
		again.destroy();
	});

	it('refuses upgrades without the right cookie, before the socket opens', async () => {
		const url = (doc: string) => `${app.wsUrl}/${doc}`;
		expect(await upgradeStatus(url(s.docs.board1), {})).toBe(401);
		expect(await upgradeStatus(url(s.docs.board1), { cookie: 'huddle_participant=forged' })).toBe(401);
		// Group A's participant opening group B's board.
		expect(await upgradeStatus(url(s.docs.board2), { cookie: s.alice.cookie })).toBe(403);
		// A participant of another workshop, and another workshop's facilitator.
		expect(await upgradeStatus(url(s.docs.live), { cookie: s.outsider.cookie })).toBe(403);
		expect(await upgradeStatus(url(s.docs.board1), { cookie: s.strangerFacilitator })).toBe(403);
		expect(await upgradeStatus(url(s.docs.otherBoard), { cookie: s.facilitator })).toBe(403);
		// A page of another site riding on the facilitator's cookie.
		expect(await upgradeStatus(url(s.docs.board1), { cookie: s.facilitator, origin: 'https://evil.example' })).toBe(403);
		expect(await upgradeStatus(url('not-a-doc'), { cookie: s.facilitator })).toBe(404);
		// The rightful ones open.
		expect(await upgradeStatus(url(s.docs.board1), { cookie: s.alice.cookie, origin: app.url })).toBe(101);
		expect(await upgradeStatus(url(s.docs.live), { cookie: s.alice.cookie })).toBe(101);
		expect(await upgradeStatus(url(s.docs.board2), { cookie: s.facilitator })).toBe(101);
	});

	it("serves no other group's board over HTTP outside crosswise review", async () => {
		// PEST has no crosswise review: group A's participant may not read group B's board through it.
		const activityId = s.docs.board2.split('.')[1];
		const res = await fetch(`${app.url}/api/reviews/${activityId}/board`, { headers: { cookie: s.alice.cookie } });
		expect(res.status).toBe(403);
		const put = await fetch(`${app.url}/api/reviews/${activityId}`, {
			method: 'PUT',
			headers: { cookie: s.alice.cookie, 'content-type': 'application/json', origin: app.url },
			body: JSON.stringify({ body: 'x' })
		});
		expect(put.status).toBe(404);
		expect((await fetch(`${app.url}/api/reviews/${activityId}`, { headers: { cookie: s.alice.cookie } })).status).toBe(404);
	});

	it('drops every update from a read-only connection', async () => {
		const facilitator = provider(app, s.docs.live, s.facilitator);
		const reader = provider(app, s.docs.live, s.alice.cookie);
		await Promise.all([synced(facilitator), synced(reader)]);
		facilitator.doc.getMap('state').set('activityId', 'from-facilitator');
		await until(() => reader.doc.getMap('state').get('activityId') === 'from-facilitator');
		reader.doc.getMap('state').set('forged', 'by participant');
		facilitator.doc.getMap('state').set('after', 'marker');
		await until(() => reader.doc.getMap('state').get('after') === 'marker');
		await new Promise((r) => setTimeout(r, 200));
		expect(facilitator.doc.getMap('state').get('forged')).toBeUndefined();
		const late = provider(app, s.docs.live, s.facilitator);
		await synced(late);
		expect(late.doc.getMap('state').get('forged')).toBeUndefined();
		expect(late.doc.getMap('state').get('activityId')).toBe('from-facilitator');
		for (const p of [facilitator, reader, late]) p.destroy();
	});

	it('closes only the socket that sends garbage or an oversized message', async () => {
		const a = provider(app, s.docs.board1, s.alice.cookie);
		const other = provider(app, s.docs.board2, s.carol.cookie);
		await Promise.all([synced(a), synced(other)]);
		const closeOf = (payload: Buffer) =>
			new Promise<number>((resolve) => {
				const ws = new WebSocket(`${app.wsUrl}/${s.docs.board1}`, { headers: { cookie: s.bob.cookie } });
				ws.on('open', () => ws.send(payload));
				ws.on('close', (code) => resolve(code));
				ws.on('error', () => undefined);
			});
		const garbage = await closeOf(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
		expect([1002, 1003, 1007, 1008]).toContain(garbage);
		const oversized = await closeOf(Buffer.alloc(5 * 1024 * 1024, 1));
		expect(oversized).toBe(1009);
		// The others are still connected and still editing.
		a.doc.getArray<string>('it-notes').push(['still here']);
		const watcher = provider(app, s.docs.board1, s.facilitator);
		await until(() => notes(watcher.doc).includes('still here'));
		expect(a.wsconnected && other.wsconnected).toBe(true);
		const health = await fetch(`${app.url}/healthz`);
		expect(health.status).toBe(200);
		for (const p of [a, other, watcher]) p.destroy();
	});

	it("marks on the trainer's roster who has a board open, and no one else", async () => {
		const rosterEntry = (html: string, name: string) => {
			const at = html.indexOf(`>${name}`);
			return at < 0 ? '' : html.slice(at, html.indexOf('</li>', at));
		};
		const page = () => fetch(`${app.url}/workshops/${s.workshop.id}`, { headers: { cookie: s.facilitator } }).then((r) => r.text());
		const a = provider(app, s.docs.board1, s.alice.cookie);
		await synced(a);
		const html = await page();
		expect(rosterEntry(html, 'Alice')).toContain('data-online');
		expect(rosterEntry(html, 'Bob')).not.toBe('');
		expect(rosterEntry(html, 'Bob')).not.toContain('data-online');
		// Gone once her socket has closed.
		a.destroy();
		let after = rosterEntry(await page(), 'Alice');
		for (let i = 0; i < 50 && after.includes('data-online'); i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			after = rosterEntry(await page(), 'Alice');
		}
		expect(after).toContain('Alice');
		expect(after).not.toContain('data-online');
	});

	it('closes sockets with 1001 on SIGTERM and exits cleanly', async () => {
		const a = provider(app, s.docs.board1, s.alice.cookie);
		await synced(a);
		const code = new Promise<number>((resolve) => a.ws?.addEventListener('close', (e) => resolve(e.code)));
		a.shouldConnect = false;
		expect(await app.stop('SIGTERM')).toBe(0);
		expect(await code).toBe(1001);
		a.destroy();
		await app.start();
	});
});
