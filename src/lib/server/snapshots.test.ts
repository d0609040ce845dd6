import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as db from './db';
import { snapshot, workshop } from './db/schema';
import { lifecycleActions } from './actions/lifecycle';
import * as collab from './collab/instance';
import * as snapshots from './snapshots';
import { useTempDb } from './testing';
import { seedWorkshop, writeNote } from './revisit-testing';
import * as workshops from './workshops';
import { boardDoc } from '../docs';

useTempDb();

function notes(state: Uint8Array): string[] {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return [...doc.getMap<Y.Map<unknown>>('notes').values()].map((n) => String(n.get('text')));
}

/** Calls the workshop page's `status` action as the owner would. */
async function setStatus(ownerId: string, workshopId: string, status: string) {
	const form = new FormData();
	form.set('status', status);
	const url = new URL(`http://localhost/workshops/${workshopId}`);
	const event = {
		locals: { facilitator: { id: ownerId, email: 'x@example.com', name: 'x', isAdmin: false }, sessionId: null, participant: null },
		url,
		params: { id: workshopId },
		request: new Request(url, { method: 'POST', body: form })
	};
	return lifecycleActions.status(event as unknown as Parameters<typeof lifecycleActions.status>[0]);
}

describe('snapshots', () => {
	it('ending a workshop stores every group board as it stood, and only boards', async () => {
		const s = seedWorkshop();
		writeNote(boardDoc(s.activity.id, s.groups[0].id), '第二张便签');
		expect(snapshots.count(s.workshop.id)).toBe(0);
		await setStatus(s.owner.id, s.workshop.id, 'ended');
		expect(workshops.get(s.workshop.id)?.status).toBe('ended');
		const rows = db.get().select().from(snapshot).where(eq(snapshot.workshopId, s.workshop.id)).all();
		// One per (activity, group): the live state and private documents are not part of it.
		expect(rows.map((r) => r.doc).sort()).toEqual([boardDoc(s.activity.id, s.groups[0].id), boardDoc(s.activity.id, s.groups[1].id)].sort());
		// Alice's private note, never revealed, joined her group's board at the end.
		const mine = snapshots.forGroup(s.workshop.id, s.groups[0].id).get(s.activity.id);
		expect(notes(mine!.state).sort()).toEqual(['县域快递补贴', '私下的想法', '第二张便签'].sort());
		const theirs = snapshots.forGroup(s.workshop.id, s.groups[1].id).get(s.activity.id);
		expect(notes(theirs!.state)).toEqual(['农村电商']);
	});

	it('keeps the end state when the log changes later, and is retaken when the workshop ends again', async () => {
		const s = seedWorkshop();
		await setStatus(s.owner.id, s.workshop.id, 'ended');
		writeNote(boardDoc(s.activity.id, s.groups[0].id), '结束后写的');
		let state = snapshots.forGroup(s.workshop.id, s.groups[0].id).get(s.activity.id)!.state;
		expect(notes(state).sort()).toEqual(['县域快递补贴', '私下的想法'].sort());
		await setStatus(s.owner.id, s.workshop.id, 'live');
		expect(snapshots.count(s.workshop.id)).toBe(2); // reopening keeps the last end's boards
		await setStatus(s.owner.id, s.workshop.id, 'ended');
		state = snapshots.forGroup(s.workshop.id, s.groups[0].id).get(s.activity.id)!.state;
		expect(notes(state).sort()).toEqual(['县域快递补贴', '私下的想法', '结束后写的'].sort());
		expect(snapshots.count(s.workshop.id)).toBe(2);
	});

	it('reopens a workshop whose join code another open workshop took meanwhile, under a new code', async () => {
		const s = seedWorkshop();
		await setStatus(s.owner.id, s.workshop.id, 'ended');
		const other = workshops.create(s.owner.id, { title: '下一期', language: 'zh-CN', groupCount: 1 });
		db.get().update(workshop).set({ joinCode: s.workshop.joinCode }).where(eq(workshop.id, other.id)).run();
		expect(await setStatus(s.owner.id, s.workshop.id, 'live')).toEqual({ saved: true });
		const reopened = workshops.get(s.workshop.id)!;
		expect(reopened.status).toBe('live');
		expect(reopened.joinCode).not.toBe(s.workshop.joinCode);
		expect(workshops.byJoinCode(s.workshop.joinCode)?.id).toBe(other.id);
		expect(workshops.byJoinCode(reopened.joinCode)?.id).toBe(s.workshop.id);
	});

	it('stores an empty board for a group that wrote nothing, and skips corrupt rows', () => {
		const s = seedWorkshop();
		const w = workshops.create(s.owner.id, { title: 'empty', language: 'zh-CN', groupCount: 1 });
		const a = workshops.addActivity(w.id, 'x', 'pest', {});
		expect(snapshots.take(w.id)).toBe(1);
		const state = snapshots.forGroup(w.id, workshops.groups(w.id)[0].id).get(a.id)!.state;
		expect(notes(state)).toEqual([]);
		const good = new Y.Doc();
		good.getText('t').insert(0, 'ok');
		expect(() => snapshots.mergeStored([Y.encodeStateAsUpdate(good), new Uint8Array([255, 255, 255])])).not.toThrow();
	});

	it('a participant cannot end a workshop (404 for anyone but the owner)', async () => {
		const s = seedWorkshop();
		const other = seedWorkshop().owner;
		await expect(setStatus(other.id, s.workshop.id, 'ended')).rejects.toMatchObject({ status: 404 });
		expect(snapshots.count(s.workshop.id)).toBe(0);
		await collab.shutdown();
	});
});
