import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as db from '../db';
import { score, scoreChange } from '../db/schema';
import * as participants from '../participants';
import * as workshops from '../workshops';
import { useTempDb } from '../testing';
import { control } from './state';
import { submit, type Scorer } from './submit';
import { classroom, smallDefinition } from './test-setup';

useTempDb();

const good = { a: 4, b: 3 };
const asFacilitator = (c: ReturnType<typeof classroom>): Scorer => ({ kind: 'facilitator', facilitatorId: c.facilitator.id });
const asGroup = (c: ReturnType<typeof classroom>, i: number): Scorer => ({ kind: 'group', participantId: c.people[i].id });
const code = (r: ReturnType<typeof submit>) => (r.ok ? 'ok' : r.error.code);

function openRoom(peerWeight = 0.5) {
	const c = classroom({ definition: smallDefinition(peerWeight) });
	expect(control(c.facilitator.id, c.activity.id, 'open').ok).toBe(true);
	return c;
}

describe('submitting scores', () => {
	it('stores a facilitator score and a peer score with their comments', () => {
		const c = openRoom();
		const f = submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks: good, comments: { a: ' 很具体 ', b: '' }, comment: '整体不错' });
		expect(f.ok && f.value.created).toBe(true);
		const p = submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asGroup(c, 1), marks: { a: 5, b: 5 } });
		expect(p.ok).toBe(true);
		const rows = db.get().select().from(score).where(eq(score.activityId, c.activity.id)).all();
		expect(rows.map((r) => r.scorerKey).sort()).toEqual(['facilitator', `group:${c.groups[1].id}`]);
		const fac = rows.find((r) => r.scorerKind === 'facilitator')!;
		expect(fac.comments).toEqual({ a: '很具体' });
		expect(fac.comment).toBe('整体不错');
		expect(fac.submittedBy).toBe(`f:${c.facilitator.id}`);
	});

	it('rejects a mark outside the scale, or not a whole number', () => {
		const c = openRoom();
		const at = (marks: Record<string, unknown>) => submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks });
		expect(at({ a: 6, b: 3 })).toEqual({ ok: false, error: { code: 'out_of_scale', criterion: 'a', min: 1, max: 5 } });
		expect(code(at({ a: 0, b: 3 }))).toBe('out_of_scale');
		expect(code(at({ a: 2.5, b: 3 }))).toBe('out_of_scale');
		expect(code(at({ a: '4', b: 3 }))).toBe('out_of_scale');
	});

	it('rejects an unknown criterion and a missing one', () => {
		const c = openRoom();
		const at = (marks: Record<string, unknown>, comments?: unknown) => submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks, comments });
		expect(at({ a: 4, b: 3, z: 2 })).toEqual({ ok: false, error: { code: 'unknown_criterion', criterion: 'z' } });
		expect(code(at(good, { nope: 'x' }))).toBe('unknown_criterion');
		expect(at({ a: 4 })).toEqual({ ok: false, error: { code: 'missing_criterion', criterion: 'b' } });
		expect(code(at({ a: 4, b: null }))).toBe('missing_criterion');
	});

	it('rejects a group scoring itself', () => {
		const c = openRoom();
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[1].id, scorer: asGroup(c, 1), marks: good }))).toBe('self_score');
	});

	it('rejects a second new score from the same group, and accepts an explicit edit', () => {
		const c = openRoom();
		const target = c.groups[0].id;
		expect(code(submit({ activityId: c.activity.id, groupId: target, scorer: asGroup(c, 1), marks: good }))).toBe('ok');
		// Another tablet of the same group, not knowing its group already scored.
		const mate = participants.join(c.workshop.id, '同组学员', c.groups[1].id).participant;
		const twice = submit({ activityId: c.activity.id, groupId: target, scorer: { kind: 'group', participantId: mate.id }, marks: { a: 1, b: 1 } });
		expect(code(twice)).toBe('already_scored');
		const edit = submit({ activityId: c.activity.id, groupId: target, scorer: { kind: 'group', participantId: mate.id }, marks: { a: 2, b: 2 }, replace: true });
		expect(edit.ok && edit.value.created).toBe(false);
		const rows = db.get().select().from(score).where(eq(score.activityId, c.activity.id)).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].marks).toEqual({ a: 2, b: 2 });
		expect(rows[0].submittedBy).toBe(`p:${mate.id}`);
	});

	it('rejects scoring a group that is not in the workshop', () => {
		const c = openRoom();
		const other = classroom();
		expect(code(submit({ activityId: c.activity.id, groupId: other.groups[0].id, scorer: asFacilitator(c), marks: good }))).toBe('group_not_in_workshop');
		expect(code(submit({ activityId: c.activity.id, groupId: 'aaaaaaaaaaaaaaaa', scorer: asGroup(c, 1), marks: good }))).toBe('group_not_in_workshop');
	});

	it('rejects scorers from outside: another facilitator, a participant of another workshop', () => {
		const c = openRoom();
		const other = classroom();
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(other), marks: good }))).toBe('not_found');
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asGroup(other, 1), marks: good }))).toBe('not_found');
		expect(code(submit({ activityId: 'aaaaaaaaaaaaaaaa', groupId: c.groups[0].id, scorer: asFacilitator(c), marks: good }))).toBe('not_found');
		const loner = participants.join(c.workshop.id, '没分组', null).participant;
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: { kind: 'group', participantId: loner.id }, marks: good }))).toBe('no_group');
	});

	it('lets peers score only while scoring is open; nobody scores once it is closed', () => {
		const c = classroom();
		const peer = { activityId: c.activity.id, groupId: c.groups[0].id, scorer: asGroup(c, 1), marks: good };
		const fac = { activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks: good };
		expect(code(submit(peer))).toBe('not_open');
		expect(code(submit(fac))).toBe('ok'); // the facilitator scores during the presentations
		control(c.facilitator.id, c.activity.id, 'open');
		expect(code(submit(peer))).toBe('ok');
		control(c.facilitator.id, c.activity.id, 'close');
		expect(code(submit({ ...peer, replace: true }))).toBe('closed');
		expect(code(submit({ ...fac, replace: true }))).toBe('closed');
		expect(code(submit({ ...peer, groupId: c.groups[2].id }))).toBe('closed');
		control(c.facilitator.id, c.activity.id, 'open');
		workshops.setStatus(c.workshop.id, 'ended');
		expect(code(submit({ ...peer, groupId: c.groups[2].id }))).toBe('closed');
	});

	it('refuses peer scores when the rubric gives peers no weight', () => {
		const c = openRoom(0);
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asGroup(c, 1), marks: good }))).toBe('peer_disabled');
	});

	it('rejects overlong comments and malformed bodies', () => {
		const c = openRoom();
		const base = { activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks: good };
		expect(code(submit({ ...base, comment: '好'.repeat(2001) }))).toBe('comment_too_long');
		expect(code(submit({ ...base, comments: { a: 'x'.repeat(501) } }))).toBe('comment_too_long');
		expect(code(submit({ ...base, marks: [4, 3] }))).toBe('invalid');
		expect(code(submit({ ...base, comments: { a: 5 } }))).toBe('invalid');
	});

	it('takes a real exercise rubric (PEST) as stored with the activity', () => {
		const c = classroom({ exerciseId: 'pest-express-market' });
		const marks = { insight: 5, judgement: 4, countermeasures: 3, delivery: 2 };
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c), marks }))).toBe('ok');
		expect(code(submit({ activityId: c.activity.id, groupId: c.groups[1].id, scorer: asFacilitator(c), marks: { ...marks, delivery: 6 } }))).toBe('out_of_scale');
	});
});

describe('controls and the audit trail', () => {
	it('lets only the owner open, close and reveal', () => {
		const c = classroom();
		const stranger = classroom();
		expect(control(stranger.facilitator.id, c.activity.id, 'open').ok).toBe(false);
		const opened = control(c.facilitator.id, c.activity.id, 'open');
		expect(opened.ok && opened.value.scoring).toBe('open');
		const t = new Date('2025-03-01T08:00:00Z');
		const revealed = control(c.facilitator.id, c.activity.id, 'reveal', t);
		expect(revealed.ok && revealed.value.revealedAt).toEqual(t);
		// A second reveal keeps the first time: the audit starts there.
		const again = control(c.facilitator.id, c.activity.id, 'reveal', new Date());
		expect(again.ok && again.value.revealedAt).toEqual(t);
		expect(workshops.getActivity(c.activity.id)?.revealedAt).toEqual(t);
	});

	it('records who changed which score, when, before and after — only after the reveal', () => {
		const c = openRoom();
		const base = { activityId: c.activity.id, groupId: c.groups[0].id, scorer: asFacilitator(c) };
		submit({ ...base, marks: { a: 2, b: 2 } });
		submit({ ...base, marks: { a: 3, b: 2 }, replace: true }); // before the reveal: not audited
		expect(db.get().select().from(scoreChange).all()).toHaveLength(0);

		control(c.facilitator.id, c.activity.id, 'reveal');
		const when = new Date('2025-03-01T09:30:00Z');
		submit({ ...base, marks: { a: 5, b: 2 }, comment: '补充材料后提高', replace: true }, when);
		submit({ ...base, marks: { a: 5, b: 2 }, comment: '补充材料后提高', replace: true }); // no change: no entry
		submit({ activityId: c.activity.id, groupId: c.groups[0].id, scorer: asGroup(c, 2), marks: { a: 1, b: 1 } }, when); // new after reveal
		const changes = db.get().select().from(scoreChange).all();
		expect(changes).toHaveLength(2);
		expect(changes[0]).toMatchObject({
			changedBy: `f:${c.facilitator.id}`,
			changedAt: when,
			before: { marks: { a: 3, b: 2 }, comment: '' },
			after: { marks: { a: 5, b: 2 }, comment: '补充材料后提高' }
		});
		expect(changes[1]).toMatchObject({ changedBy: `p:${c.people[2].id}`, before: {}, after: { marks: { a: 1, b: 1 } } });
	});
});
