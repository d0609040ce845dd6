import { eq } from 'drizzle-orm';
import type { Rubric } from '../../exercises/schema';
import * as db from '../db';
import { participant, workshop } from '../db/schema';
import * as workshops from '../workshops';
import { scoresBy, submitterNames } from './queries';
import { rubricOf } from './rubric';

/** What a scoring form needs: the rubric, the groups to score, and the scores this scorer gave. */
export type ScoringView = {
	activity: { id: string; scoring: 'pending' | 'open' | 'closed'; revealed: boolean };
	rubric: Pick<Rubric, 'scale' | 'peer_weight' | 'criteria'>;
	/** The scoring group (peer scoring), or null for the facilitator. */
	scorerGroupId: string | null;
	/** The groups this scorer may score, in order (never its own). */
	groups: { id: string; name: string; colour: number }[];
	/** This scorer's scores so far, by presented group. */
	mine: Record<string, { marks: Record<string, number>; comments: Record<string, string>; comment: string; updatedAt: number; submitter: string | null }>;
};

/**
 * The scoring view for the facilitator (`facilitatorId`) or a participant (`participantId`);
 * undefined when that person has no business with the activity.
 */
export function scoringView(activityId: string, who: { facilitatorId: string } | { participantId: string }): ScoringView | undefined {
	const act = workshops.getActivity(activityId);
	if (!act) return undefined;
	const ws = db.get().select().from(workshop).where(eq(workshop.id, act.workshopId)).get();
	const rubric = rubricOf(act.definition);
	if (!ws || !rubric) return undefined;
	let scorerGroupId: string | null = null;
	if ('facilitatorId' in who) {
		if (ws.ownerId !== who.facilitatorId) return undefined;
	} else {
		const p = db.get().select().from(participant).where(eq(participant.id, who.participantId)).get();
		if (!p || p.workshopId !== ws.id || !p.groupId) return undefined;
		scorerGroupId = p.groupId;
	}
	const scores = scoresBy(act.id, scorerGroupId ? `group:${scorerGroupId}` : 'facilitator');
	const names = submitterNames(scores.map((s) => s.submittedBy));
	return {
		activity: { id: act.id, scoring: act.scoring, revealed: act.revealedAt !== null },
		rubric: { scale: rubric.scale, peer_weight: rubric.peer_weight, criteria: rubric.criteria },
		scorerGroupId,
		groups: workshops
			.groups(ws.id)
			.filter((g) => g.id !== scorerGroupId)
			.map((g) => ({ id: g.id, name: g.name, colour: g.colour })),
		mine: Object.fromEntries(
			scores.map((s) => [s.groupId, { marks: s.marks, comments: s.comments, comment: s.comment, updatedAt: s.updatedAt.getTime(), submitter: names.get(s.submittedBy) ?? null }])
		)
	};
}
