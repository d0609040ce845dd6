import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDoc } from '../docs';
import * as facilitators from './auth/facilitators';
import { SqliteStorage } from './collab/sqlite-storage';
import * as db from './db';
import { group } from './db/schema';
import { eq } from 'drizzle-orm';
import * as participants from './participants';
import * as reviews from './reviews';
import { useTempDb } from './testing';
import * as workshops from './workshops';

useTempDb();

/** A live workshop with `n` groups, a moments-of-truth activity and one participant per group. */
async function classroom(n = 3) {
	const f = await facilitators.create({ email: `f${Math.random()}@example.com`, name: '王老师', password: 'correct horse', isAdmin: false });
	const w = workshops.create(f.id, { title: '关键时刻', language: 'zh-CN', groupCount: n });
	workshops.setStatus(w.id, 'live');
	const act = workshops.addActivity(w.id, 'mot-contact-tools', 'moments-of-truth', { board: {} });
	const groups = workshops.groups(w.id);
	const people = groups.map((g, i) => participants.join(w.id, `学员${i + 1}`, g.id).participant);
	return { w, act, groups, people };
}

describe('crosswise review', () => {
	it('assigns a rotation: each group reviews the next, the last the first', async () => {
		expect(reviews.rotation(['a'])).toEqual(new Map());
		expect([...reviews.rotation(['a', 'b'])]).toEqual([['a', 'b'], ['b', 'a']]);
		const { act, groups, people } = await classroom(3);
		expect(groups.map((g) => reviews.targetOf(act.id, g.id))).toEqual([groups[1].id, groups[2].id, groups[0].id]);
		expect(reviews.forParticipant(act.id, people[2])?.target?.id).toBe(groups[0].id);
		expect(reviews.overview(act.id)?.pairs.map((p) => [p.reviewer.name, p.target.name])).toEqual([
			['第1组', '第2组'],
			['第2组', '第3组'],
			['第3组', '第1组']
		]);
	});

	it('leaves a group nobody joined out of the ring', async () => {
		const { w, act, groups } = await classroom(3);
		workshops.resizeGroups(w, 4);
		const empty = workshops.groups(w.id)[3];
		expect(reviews.targetOf(act.id, groups[2].id)).toBe(groups[0].id);
		expect(reviews.targetOf(act.id, empty.id)).toBeNull();
		expect(reviews.overview(act.id)?.pairs).toHaveLength(3);
		// Once somebody joins it, it takes its place.
		participants.join(w.id, '迟到的学员', empty.id);
		expect(reviews.targetOf(act.id, groups[2].id)).toBe(empty.id);
		expect(reviews.targetOf(act.id, empty.id)).toBe(groups[0].id);
	});

	it('lets only the reviewing group write, for its assigned target', async () => {
		const { act, groups, people } = await classroom(3);
		expect(reviews.write(act.id, people[0], '客户画像很具体', groups[1].id)).toMatchObject({ ok: true });
		// Another member of group 1 edits the same review (one per reviewing group).
		const mate = participants.join(people[0].workshopId, '学员1b', groups[0].id).participant;
		expect(reviews.write(act.id, mate, '客户画像很具体，低点找得准')).toMatchObject({ ok: true });
		expect(reviews.forParticipant(act.id, people[0])?.mine?.body).toBe('客户画像很具体，低点找得准');
		// Group 2 cannot write group 1's review of group 2: it can only write its own, of group 3.
		expect(reviews.write(act.id, people[1], '我们给自己写', groups[1].id)).toEqual({ ok: false, reason: 'moved' });
		expect(reviews.overview(act.id)?.pairs[0].body).toBe('客户画像很具体，低点找得准');
		// Without a group, from another workshop, or locked: refused.
		const loner = participants.join(people[0].workshopId, '旁听', null).participant;
		expect(reviews.write(act.id, loner, 'x')).toEqual({ ok: false, reason: 'no-group' });
		const other = await classroom(2);
		expect(reviews.write(act.id, other.people[0], 'x')).toEqual({ ok: false, reason: 'not-found' });
		db.get().update(group).set({ locked: true }).where(eq(group.id, groups[2].id)).run();
		expect(reviews.write(act.id, people[2], 'x')).toEqual({ ok: false, reason: 'locked' });
		// Long texts are cut to the limit.
		reviews.write(act.id, people[1], 'x'.repeat(reviews.MAX_REVIEW + 50));
		expect(reviews.forParticipant(act.id, people[1])?.mine?.body).toHaveLength(reviews.MAX_REVIEW);
	});

	it('keeps reviews hidden from the reviewed group until released', async () => {
		const { act, groups, people } = await classroom(2);
		reviews.write(act.id, people[0], '关键时刻找得很准');
		expect(reviews.forParticipant(act.id, people[1])).toMatchObject({ released: false, received: [] });
		expect(reviews.released(act.id, groups[1].id)).toEqual([]);

		reviews.setReleased(act.id, true);
		expect(reviews.forParticipant(act.id, people[1])?.received).toEqual([
			{ from: { id: groups[0].id, name: '第1组', colour: groups[0].colour }, body: '关键时刻找得很准' }
		]);
		expect(reviews.released(act.id, groups[1].id)).toEqual([{ from: '第1组', body: '关键时刻找得很准' }]);
		// Group 1 wrote about group 2, so group 1 receives nothing yet (group 2 wrote nothing).
		expect(reviews.forParticipant(act.id, people[0])?.received).toEqual([]);
		// Released reviews stay as they were read.
		expect(reviews.write(act.id, people[0], '改一下')).toEqual({ ok: false, reason: 'released' });

		reviews.setReleased(act.id, false);
		expect(reviews.forParticipant(act.id, people[1])?.received).toEqual([]);
		expect(reviews.overview(act.id)?.releasedAt).toBeNull();
	});

	it('gives nothing of another group through an activity without crosswise review', async () => {
		const { w, groups, people } = await classroom(3);
		const pest = workshops.addActivity(w.id, 'pest-test', 'pest', { board: {} });
		const source = new Y.Doc();
		source.getMap('notes').set('n1', '第2组的便签');
		new SqliteStorage(db.get().$client).append(boardDoc(pest.id, groups[1].id), Y.encodeStateAsUpdate(source));
		expect(reviews.targetBoard(pest.id, people[0])).toBeNull();
		expect(reviews.forParticipant(pest.id, people[0])).toBeNull();
		expect(reviews.write(pest.id, people[0], '偷看', groups[1].id)).toEqual({ ok: false, reason: 'not-found' });
	});

	it('lists reviews received from several groups in numeric order of their names', async () => {
		const { w, act, groups, people } = await classroom(3);
		// 第3组 reviews 第1组; with ten groups, 第10组 does, and 第3组's earlier review still stands.
		reviews.write(act.id, people[2], '成本分得清楚');
		workshops.resizeGroups(w, 10);
		const tenth = workshops.groups(w.id).find((g) => g.name === '第10组')!;
		const writer = participants.join(w.id, '学员10', tenth.id).participant;
		expect(reviews.write(act.id, writer, '措施很实在', groups[0].id)).toMatchObject({ ok: true });
		reviews.setReleased(act.id, true);
		expect(reviews.forParticipant(act.id, people[0])?.received.map((r) => r.from.name)).toEqual(['第3组', '第10组']);
		expect(reviews.released(act.id, groups[0].id).map((r) => r.from)).toEqual(['第3组', '第10组']);
	});

	it('serves the target board only to the reviewing group', async () => {
		const { act, groups, people } = await classroom(3);
		const source = new Y.Doc();
		source.getMap('mot').set('customer', '网店店主');
		new SqliteStorage(db.get().$client).append(boardDoc(act.id, groups[1].id), Y.encodeStateAsUpdate(source));

		const state = reviews.targetBoard(act.id, people[0]);
		expect(state).not.toBeNull();
		const copy = new Y.Doc();
		Y.applyUpdate(copy, state!);
		expect(copy.getMap('mot').get('customer')).toBe('网店店主');
		// Group 2 reviews group 3: it gets group 3's (empty) board, never group 2's own through here.
		const other = new Y.Doc();
		Y.applyUpdate(other, reviews.targetBoard(act.id, people[1])!);
		expect(other.getMap('mot').get('customer')).toBeUndefined();
		const loner = participants.join(people[0].workshopId, '旁听', null).participant;
		expect(reviews.targetBoard(act.id, loner)).toBeNull();
		const stranger = (await classroom(2)).people[0];
		expect(reviews.targetBoard(act.id, stranger)).toBeNull();
	});
});
