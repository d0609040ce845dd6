import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { addNote, notesByQuadrant, QUADRANTS } from '../../src/lib/activities/pest/model';
import { parseDoc, privateDoc } from '../../src/lib/docs';
import { readLive } from '../../src/lib/live/model';
import { AppProcess, provider, synced, until, upgradeStatus } from './harness';
import { seed } from './seed';

// Locks and silent brainstorming against the real server: the door, the form actions, the
// server-side document changes and their persistence.

const app = new AppProcess();
let s: Awaited<ReturnType<typeof seed>>;
let activityId: string;
let group1: string;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
	s = await seed(app.dbPath);
	const ref = parseDoc(s.docs.board1);
	if (ref?.type !== 'board') throw new Error('unexpected board name');
	activityId = ref.activityId;
	group1 = ref.groupId;
	await app.start();
});

afterAll(async () => {
	for (const p of open) p.destroy();
	await app.stop('SIGKILL');
	app.cleanup();
});

/** A provider that is destroyed after the tests, with the close codes it saw. */
function connect(doc: string, cookie: string) {
	const p = provider(app, doc, cookie);
	open.push(p);
	const closes: number[] = [];
	p.on('connection-close', (event) => event && closes.push(event.code));
	return { p, closes };
}

/** The origin SvelteKit's CSRF check expects: served directly, the app's own http one. */
const origin = () => app.url;

/** Posts a console form action as the facilitator, the way the browser's enhanced form does. */
async function action(name: string, fields: Record<string, string>) {
	const res = await fetch(`${app.url}/workshops/${s.workshop.id}/console?/${name}`, {
		method: 'POST',
		headers: {
			cookie: s.facilitator,
			origin: origin(),
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields)
	});
	return (await res.json()) as { type: string; status: number; data?: string };
}

const items = (doc: Y.Doc) => doc.getArray<string>('it-notes').toArray();
const notes = (doc: Y.Doc) => QUADRANTS.flatMap((q) => notesByQuadrant(doc)[q]);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('locking a group', () => {
	it('drops a locked group’s edits, reconnects it read-only, and unlocking reverses it', async () => {
		const alice = connect(s.docs.board1, s.alice.cookie);
		const carol = connect(s.docs.board2, s.carol.cookie);
		const watcher = connect(s.docs.board1, s.facilitator);
		const tablet = connect(s.docs.live, s.alice.cookie);
		await Promise.all([alice, carol, watcher, tablet].map((c) => synced(c.p)));
		alice.p.doc.getArray<string>('it-notes').push(['before the lock']);
		await until(() => items(watcher.p.doc).includes('before the lock'));

		expect(await action('lock', { group: group1, locked: '1' })).toMatchObject({ type: 'success' });
		// Alice's socket was closed with the "reconnect" code and she is back, synced.
		await until(() => alice.closes.includes(4001) && alice.p.synced);
		expect(carol.closes).toEqual([]);
		// Every tablet learns of the lock from the live document the server wrote.
		await until(() => readLive(tablet.p.doc).locked.includes(group1));

		alice.p.doc.getArray<string>('it-notes').push(['while locked']);
		watcher.p.doc.getArray<string>('it-notes').push(['marker']);
		await until(() => items(alice.p.doc).includes('marker'));
		await pause(300);
		expect(items(watcher.p.doc)).not.toContain('while locked');
		const late = connect(s.docs.board1, s.facilitator);
		await synced(late.p);
		expect(items(late.p.doc)).toEqual(['before the lock', 'marker']);
		// Other groups keep writing.
		carol.p.doc.getArray<string>('it-notes').push(['group 2 unaffected']);
		const watcher2 = connect(s.docs.board2, s.facilitator);
		await until(() => items(watcher2.p.doc).includes('group 2 unaffected'));

		expect(await action('lock', { group: group1, locked: '0' })).toMatchObject({ type: 'success' });
		await until(() => alice.closes.filter((c) => c === 4001).length === 2 && alice.p.synced);
		await until(() => !readLive(tablet.p.doc).locked.includes(group1));
		alice.p.doc.getArray<string>('it-notes').push(['after the unlock']);
		await until(() => items(watcher.p.doc).includes('after the unlock'));
		expect(items(watcher.p.doc)).toContain('after the unlock');
	});

	it('locks and unlocks every group at once, and refuses a group of another workshop', async () => {
		expect(await action('lock', { group: 'all', locked: '1' })).toMatchObject({ type: 'success' });
		const carol = connect(s.docs.board2, s.carol.cookie);
		await synced(carol.p);
		carol.p.doc.getArray<string>('it-notes').push(['locked out']);
		await pause(300);
		const watcher = connect(s.docs.board2, s.facilitator);
		await synced(watcher.p);
		expect(items(watcher.p.doc)).not.toContain('locked out');
		expect(await action('lock', { group: 'all', locked: '0' })).toMatchObject({ type: 'success' });
		const otherGroup = parseDoc(s.docs.otherBoard);
		const refused = await action('lock', { group: otherGroup?.type === 'board' ? otherGroup.groupId : '', locked: '1' });
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
	});
});

describe('private notes of a silent phase', () => {
	it('opens only for their author (write) and the facilitator (read)', async () => {
		const url = `${app.wsUrl}/${privateDoc(activityId, s.alice.id)}`;
		expect(await upgradeStatus(url, {})).toBe(401);
		expect(await upgradeStatus(url, { cookie: s.bob.cookie })).toBe(403);
		expect(await upgradeStatus(url, { cookie: s.carol.cookie })).toBe(403);
		expect(await upgradeStatus(url, { cookie: s.outsider.cookie })).toBe(403);
		expect(await upgradeStatus(url, { cookie: s.strangerFacilitator })).toBe(403);
		expect(await upgradeStatus(url, { cookie: s.alice.cookie })).toBe(101);
		expect(await upgradeStatus(url, { cookie: s.facilitator })).toBe(101);
		// Someone who is not a participant of this workshop is no document at all.
		expect(await upgradeStatus(`${app.wsUrl}/${privateDoc(activityId, 'aaaaaaaaaaaaaaaa')}`, { cookie: s.facilitator })).toBe(404);
	});

	it('keeps notes off the group board until the reveal, which moves and persists them', async () => {
		const mine = connect(privateDoc(activityId, s.alice.id), s.alice.cookie);
		const teammate = connect(s.docs.board1, s.bob.cookie);
		const reader = connect(privateDoc(activityId, s.alice.id), s.facilitator);
		await Promise.all([mine, teammate, reader].map((c) => synced(c.p)));
		addNote(mine.p.doc, { quadrant: 'P', text: '乡村振兴政策', kind: 'opportunity', author: 'Alice' });
		addNote(mine.p.doc, { quadrant: 'T', text: '无人机配送', author: 'Alice' });
		// The facilitator may look; the facilitator's own writes to it are dropped.
		await until(() => notes(reader.p.doc).length === 2);
		addNote(reader.p.doc, { quadrant: 'E', text: 'written by the facilitator', author: 'x' });
		await pause(300);
		expect(notes(mine.p.doc).map((n) => n.text).sort()).toEqual(['乡村振兴政策', '无人机配送']);
		expect(notes(teammate.p.doc)).toEqual([]);

		const result = await action('reveal', { activity: activityId });
		expect(result).toMatchObject({ type: 'success' });
		await until(() => notes(teammate.p.doc).length === 2);
		expect(notes(teammate.p.doc).map((n) => [n.quadrant, n.text, n.author, n.kind]).sort()).toEqual([
			['P', '乡村振兴政策', 'Alice', 'opportunity'],
			['T', '无人机配送', 'Alice', null]
		]);
		await until(() => notes(mine.p.doc).length === 0);

		// On disk: a hard kill and restart keeps the revealed notes on the board.
		for (const p of open.splice(0)) p.destroy();
		expect(await app.stop('SIGKILL')).toBeNull();
		await app.start();
		const after = connect(s.docs.board1, s.bob.cookie);
		await synced(after.p);
		expect(notes(after.p.doc).map((n) => n.text).sort()).toEqual(['乡村振兴政策', '无人机配送']);
		const emptied = connect(privateDoc(activityId, s.alice.id), s.alice.cookie);
		await synced(emptied.p);
		expect(notes(emptied.p.doc)).toEqual([]);
	});

	it('refuses a reveal from anyone but the workshop’s facilitator', async () => {
		const res = await fetch(`${app.url}/workshops/${s.workshop.id}/console?/reveal`, {
			method: 'POST',
			headers: { cookie: s.strangerFacilitator, origin: origin(), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ activity: activityId })
		});
		// Another facilitator's workshop is "not found", so its id reveals nothing.
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ type: 'error' });
	});
});
