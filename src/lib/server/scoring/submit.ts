import { and, eq } from 'drizzle-orm';
import * as db from '../db';
import { group, participant, score, scoreChange, workshop, type Score } from '../db/schema';
import { newId } from '../ids';
import * as workshops from '../workshops';
import { refuse, type Result } from './errors';
import { rubricOf } from './rubric';
import { validateMarks, type Marks } from './validate';

/** Who is scoring: the workshop's facilitator, or a participant on behalf of their group. */
export type Scorer = { kind: 'facilitator'; facilitatorId: string } | { kind: 'group'; participantId: string };

/** One submission of marks for one group's presentation. */
export type Submission = {
	activityId: string;
	/** The group that presented. */
	groupId: string;
	scorer: Scorer;
	marks: unknown;
	comments?: unknown;
	comment?: unknown;
	/** True when the scorer edits the score it already gave; a second new score is refused. */
	replace?: boolean;
};

/** What the audit trail keeps of a score, before and after a change. */
export type ScoreSnapshot = Partial<Marks>;

const snapshot = (s: Pick<Score, 'marks' | 'comments' | 'comment'>): ScoreSnapshot => ({ marks: s.marks, comments: s.comments, comment: s.comment });
const same = (a: ScoreSnapshot, b: ScoreSnapshot) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Records a score after checking every rule: the scorer belongs to the workshop, the presented
 * group too, a group never scores itself, peers score only while scoring is open, nobody scores
 * once it is closed, the marks fit the rubric, and a scorer gives one score per presentation
 * (edited with `replace`). Changes after the leaderboard was revealed are audited.
 */
export function submit(input: Submission, now = new Date()): Result<{ score: Score; created: boolean }> {
	const d = db.get();
	const act = workshops.getActivity(input.activityId);
	if (!act) return refuse({ code: 'not_found' });
	const ws = d.select().from(workshop).where(eq(workshop.id, act.workshopId)).get();
	if (!ws) return refuse({ code: 'not_found' });

	let scorerKey: string;
	let scorerGroupId: string | null = null;
	let submittedBy: string;
	if (input.scorer.kind === 'facilitator') {
		if (ws.ownerId !== input.scorer.facilitatorId) return refuse({ code: 'not_found' });
		scorerKey = 'facilitator';
		submittedBy = `f:${input.scorer.facilitatorId}`;
	} else {
		const p = d.select().from(participant).where(eq(participant.id, input.scorer.participantId)).get();
		if (!p || p.workshopId !== ws.id) return refuse({ code: 'not_found' });
		if (!p.groupId) return refuse({ code: 'no_group' });
		scorerGroupId = p.groupId;
		scorerKey = `group:${p.groupId}`;
		submittedBy = `p:${p.id}`;
	}

	const rubric = rubricOf(act.definition);
	if (!rubric) return refuse({ code: 'no_rubric' });
	const presented = d.select({ id: group.id }).from(group).where(and(eq(group.id, input.groupId), eq(group.workshopId, ws.id))).get();
	if (!presented) return refuse({ code: 'group_not_in_workshop' });

	if (input.scorer.kind === 'group') {
		if (scorerGroupId === input.groupId) return refuse({ code: 'self_score' });
		if (rubric.peer_weight <= 0) return refuse({ code: 'peer_disabled' });
		if (act.scoring === 'closed' || ws.status === 'ended') return refuse({ code: 'closed' });
		if (act.scoring !== 'open') return refuse({ code: 'not_open' });
	} else if (act.scoring === 'closed') {
		// The facilitator scores while presentations run (pending) and while scoring is open;
		// a correction after closing means reopening scoring first.
		return refuse({ code: 'closed' });
	}

	const checked = validateMarks(rubric, input);
	if (!checked.ok) return checked;
	const after: ScoreSnapshot = checked.value;

	try {
		return d.transaction((tx): Result<{ score: Score; created: boolean }> => {
			const existing = tx
				.select()
				.from(score)
				.where(and(eq(score.activityId, act.id), eq(score.groupId, input.groupId), eq(score.scorerKey, scorerKey)))
				.get();
			if (existing && !input.replace) return refuse({ code: 'already_scored' });
			let row: Score;
			if (existing) {
				row = { ...existing, ...checked.value, submittedBy, updatedAt: now };
				tx.update(score).set({ ...checked.value, submittedBy, updatedAt: now }).where(eq(score.id, existing.id)).run();
			} else {
				row = {
					id: newId(),
					activityId: act.id,
					groupId: input.groupId,
					scorerKind: input.scorer.kind,
					scorerGroupId,
					scorerKey,
					submittedBy,
					...checked.value,
					createdAt: now,
					updatedAt: now
				};
				tx.insert(score).values(row).run();
			}
			// After the reveal the room has seen the ranking: every later change leaves a trace.
			const before: ScoreSnapshot = existing ? snapshot(existing) : {};
			if (act.revealedAt && !same(before, after)) {
				tx.insert(scoreChange).values({ scoreId: row.id, changedBy: submittedBy, changedAt: now, before, after }).run();
			}
			return { ok: true as const, value: { score: row, created: !existing } };
		});
	} catch (e) {
		// Two devices of one group submitting at the same instant: the unique index decides.
		if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return refuse({ code: 'already_scored' });
		throw e;
	}
}
