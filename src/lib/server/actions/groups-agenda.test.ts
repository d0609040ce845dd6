import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDoc } from '../../docs';
import * as facilitators from '../auth/facilitators';
import { SqliteStorage } from '../collab/sqlite-storage';
import * as db from '../db';
import * as participants from '../participants';
import * as reviews from '../reviews';
import { useTempDb } from '../testing';
import * as workshops from '../workshops';
import { agendaActions } from './agenda';
import { groupActions } from './groups';

useTempDb();

type Me = { id: string; email: string; name: string; isAdmin: boolean };
type Actions = Record<string, (event: never) => unknown>;

/** Runs a workshop-page form action as `me` on workshop `id`. */
async function act(actions: Actions, name: string, me: Me, id: string, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	const url = new URL(`http://localhost/workshops/${id}?/${name}`);
	const event = { locals: { facilitator: me, sessionId: 's', participant: null }, url, params: { id }, request: new Request(url, { method: 'POST', body }) };
	return actions[name](event as never);
}

async function workshopOf(groupCount: number) {
	const f = await facilitators.create({ email: `f${Math.random()}@example.com`, name: '王老师', password: 'correct horse', isAdmin: false });
	const me = { id: f.id, email: f.email, name: f.name, isAdmin: false };
	const w = workshops.create(f.id, { title: '降本增效', language: 'zh-CN', groupCount });
	return { me, w };
}

function writeBoard(activityId: string, groupId: string) {
	const doc = new Y.Doc();
	doc.getMap('notes').set('n1', '分拣中心的人工成本');
	new SqliteStorage(db.get().$client).append(boardDoc(activityId, groupId), Y.encodeStateAsUpdate(doc));
}

describe('removing what holds people’s work', () => {
	it('removes only trailing groups that hold nothing', async () => {
		const { me, w } = await workshopOf(4);
		const act1 = workshops.addActivity(w.id, 'pest-test', 'pest', { board: {} });
		const [, , third, fourth] = workshops.groups(w.id);
		participants.join(w.id, '小李', third.id);
		writeBoard(act1.id, fourth.id);

		const refused = (await act(groupActions, 'resize', me, w.id, { groups: '2' })) as { status: number; data: { message: string } };
		expect(refused.status).toBe(409);
		expect(refused.data.message).toContain('第3组、第4组');
		expect(workshops.groups(w.id)).toHaveLength(4);
		// Adding is always fine, and an empty trailing group goes again.
		expect(await act(groupActions, 'resize', me, w.id, { groups: '5' })).toEqual({ saved: true });
		expect(await act(groupActions, 'resize', me, w.id, { groups: '4' })).toEqual({ saved: true });
		expect(workshops.groups(w.id).map((g) => g.name)).toEqual(['第1组', '第2组', '第3组', '第4组']);
		// 第4组's board alone keeps it.
		expect(await act(groupActions, 'resize', me, w.id, { groups: '3' })).toMatchObject({ status: 409 });
	});

	it('keeps an activity on the agenda once it holds boards or reviews', async () => {
		const { me, w } = await workshopOf(2);
		const unused = workshops.addActivity(w.id, 'pest-test', 'pest', { board: {} });
		const drawn = workshops.addActivity(w.id, 'pest-test', 'pest', { board: {} });
		const reviewed = workshops.addActivity(w.id, 'mot-contact-tools', 'moments-of-truth', { board: {} });
		const [g1, g2] = workshops.groups(w.id);
		writeBoard(drawn.id, g1.id);
		workshops.setStatus(w.id, 'live');
		const p = participants.join(w.id, '小王', g1.id).participant;
		// Reviews pair groups that have members.
		participants.join(w.id, '小李', g2.id);
		expect(reviews.write(reviewed.id, p, '关键时刻找得准')).toMatchObject({ ok: true });

		expect(await act(agendaActions, 'removeActivity', me, w.id, { activity: drawn.id })).toMatchObject({ status: 409 });
		expect(await act(agendaActions, 'removeActivity', me, w.id, { activity: reviewed.id })).toMatchObject({ status: 409 });
		expect(await act(agendaActions, 'removeActivity', me, w.id, { activity: unused.id })).toEqual({ saved: true });
		expect(workshops.activities(w.id).map((a) => a.id)).toEqual([drawn.id, reviewed.id]);
	});
});

describe('renaming groups', () => {
	it('saves all names or none', async () => {
		const { me, w } = await workshopOf(2);
		const [g1, g2] = workshops.groups(w.id);
		const refused = await act(groupActions, 'groups', me, w.id, { [`name-${g1.id}`]: '先锋队', [`colour-${g1.id}`]: '3', [`name-${g2.id}`]: '', [`colour-${g2.id}`]: '1' });
		expect(refused).toMatchObject({ status: 400 });
		expect(workshops.groups(w.id).map((g) => g.name)).toEqual(['第1组', '第2组']);
		const saved = await act(groupActions, 'groups', me, w.id, { [`name-${g1.id}`]: '先锋队', [`colour-${g1.id}`]: '3', [`name-${g2.id}`]: '飞鹰队', [`colour-${g2.id}`]: '1' });
		expect(saved).toEqual({ saved: true });
		expect(workshops.groups(w.id).map((g) => [g.name, g.colour])).toEqual([['先锋队', 3], ['飞鹰队', 1]]);
	});
});
