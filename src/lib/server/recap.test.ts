import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as db from './db';
import { activity } from './db/schema';
import * as recap from './recap';
import * as revisit from './revisit';
import * as snapshots from './snapshots';
import * as workshops from './workshops';
import { useTempDb } from './testing';
import { seedWorkshop } from './revisit-testing';

useTempDb();

function notesOf(base64: string): string[] {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Buffer.from(base64, 'base64'));
	return [...doc.getMap<Y.Map<unknown>>('notes').values()].map((n) => String(n.get('text')));
}

describe('the recap a revisit code opens', () => {
	it('before the end: no boards, no scores, but the report', () => {
		const s = seedWorkshop();
		const r = recap.build(revisit.byCode(s.alice.revisitCode!)!);
		expect(r.me.name).toBe('小李');
		expect(r.group?.name).toBe('第1组');
		expect(r.activities[0].snapshot).toBeNull();
		expect(r.activities[0].scores).toEqual([]);
		expect(r.reflection.body).toBe('我的学习报告');
	});

	it("after the end: the participant's own group's board, its scores with the rubric, released reviews", () => {
		const s = seedWorkshop();
		workshops.setStatus(s.workshop.id, 'ended');
		snapshots.take(s.workshop.id);
		const r = recap.build(revisit.byCode(s.alice.revisitCode!)!);
		const a = r.activities[0];
		expect(a.title).toEqual({ 'zh-CN': 'PEST 分析', en: 'PEST analysis' });
		expect(notesOf(a.snapshot!)).toEqual(['县域快递补贴']);
		expect(a.scores.map((x) => [x.scorer, x.scorerGroup])).toEqual([
			['facilitator', null],
			['group', '第2组']
		]);
		expect(a.scores[0].marks[0]).toMatchObject({ key: 'insight', value: 5, max: 5, comment: '抓住了政策机会', level: { 'zh-CN': '切中要害', en: 'To the point' } });
		expect(a.scores[0].comment).toBe('整体很好');
		// Reviews wait until the facilitator releases them.
		expect(a.reviews).toEqual([]);
		db.get().update(activity).set({ reviewsReleasedAt: new Date() }).where(eq(activity.id, s.activity.id)).run();
		expect(recap.build(revisit.byCode(s.alice.revisitCode!)!).activities[0].reviews).toEqual([{ from: '第2组', body: '对策可以更具体' }]);

		// Another participant's code: their own group and report, nothing of Alice's.
		const c = recap.build(revisit.byCode(s.carol.revisitCode!)!);
		expect(c.group?.name).toBe('第2组');
		expect(notesOf(c.activities[0].snapshot!)).toEqual(['农村电商']);
		expect(c.activities[0].scores).toEqual([]);
		expect(c.reflection.body).toBe('');
	});
});
