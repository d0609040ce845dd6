import type { Localized, Rubric } from '../../exercises/schema';
import type { Activity, Score } from '../db/schema';
import * as workshops from '../workshops';
import { aggregate, workshopTotals, type GroupResult, type WorkshopResult } from './aggregate';
import { scoresOfWorkshop } from './queries';
import { rubricOf } from './rubric';

/** One activity's board, as the leaderboard endpoint and the results page send it. */
export type ActivityBoard = {
	id: string;
	title: Localized | null;
	scale: { min: number; max: number };
	peerWeight: number;
	criteria: { key: string; title: Localized; weight: number }[];
	scoring: Activity['scoring'];
	revealed: boolean;
	/** How many scores were given in this activity. */
	scoreCount: number;
	results: GroupResult[];
};

/** The whole leaderboard of a workshop. */
export type Leaderboard = {
	groups: { id: string; name: string; colour: number }[];
	activities: ActivityBoard[];
	/** Across the activities listed (points out of 100 per activity, summed). */
	overall: WorkshopResult[];
};

function withoutRubric(b: ActivityBoard & { rubric: Rubric }): ActivityBoard {
	const copy: Partial<ActivityBoard & { rubric: Rubric }> = { ...b };
	delete copy.rubric;
	return copy as ActivityBoard;
}

/** The title an activity's stored exercise carries. */
export function activityTitle(definition: unknown): Localized | null {
	const t = (definition as { title?: Localized } | null)?.title;
	return t && typeof t === 'object' ? t : null;
}

/** One activity's results from its scores. */
export function activityBoard(act: Activity, rubric: Rubric, groupIds: string[], scores: Score[]): ActivityBoard {
	return {
		id: act.id,
		title: activityTitle(act.definition),
		scale: rubric.scale,
		peerWeight: rubric.peer_weight,
		criteria: rubric.criteria.map((c) => ({ key: c.key, title: c.title, weight: c.weight })),
		scoring: act.scoring,
		revealed: act.revealedAt !== null,
		scoreCount: scores.length,
		results: aggregate(rubric, groupIds, scores)
	};
}

/**
 * A workshop's leaderboard: per activity (those with a rubric; only revealed ones when
 * `revealedOnly`, or the one `activityId` names) and overall across the activities listed.
 */
export function leaderboard(workshopId: string, opts: { revealedOnly: boolean; activityId?: string }): Leaderboard {
	const groups = workshops.groups(workshopId);
	const groupIds = groups.map((g) => g.id);
	const all = scoresOfWorkshop(workshopId);
	const boards: (ActivityBoard & { rubric: Rubric })[] = [];
	for (const act of workshops.activities(workshopId)) {
		if (opts.activityId && act.id !== opts.activityId) continue;
		if (opts.revealedOnly && act.revealedAt === null) continue;
		const rubric = rubricOf(act.definition);
		if (!rubric) continue;
		const scores = all.filter((s) => s.activityId === act.id);
		boards.push({ ...activityBoard(act, rubric, groupIds, scores), rubric });
	}
	return {
		groups: groups.map((g) => ({ id: g.id, name: g.name, colour: g.colour })),
		activities: boards.map((b) => withoutRubric(b)),
		overall: workshopTotals(groupIds, boards.map((b) => ({ id: b.id, rubric: b.rubric, results: b.results })))
	};
}
