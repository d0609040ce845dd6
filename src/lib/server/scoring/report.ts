import type { Localized } from '../../exercises/schema';
import * as workshops from '../workshops';
import { leaderboard, type ActivityBoard, type Leaderboard } from './leaderboard';
import { changesOfWorkshop, scoresOfWorkshop, submitterNames } from './queries';

/** One score as the results page and the CSV show it. */
export type ScoreView = {
	id: string;
	activityId: string;
	groupId: string;
	scorerKind: 'facilitator' | 'group';
	/** The scoring group, for peer scores. */
	scorerGroupId: string | null;
	/** Who pressed submit (facilitator's or participant's name), when still known. */
	submitter: string | null;
	marks: Record<string, number>;
	comments: Record<string, string>;
	comment: string;
	updatedAt: number;
};

/** One audited change after a reveal. */
export type ChangeView = {
	id: number;
	activityId: string;
	groupId: string;
	scorerKind: 'facilitator' | 'group';
	scorerGroupId: string | null;
	changedBy: string | null;
	changedAt: number;
	before: { marks?: Record<string, number>; comment?: string };
	after: { marks?: Record<string, number>; comment?: string };
};

/** Everything the results page, its print view and the CSV need, from one read. */
export type Report = Omit<Leaderboard, 'activities'> & {
	activities: (ActivityBoard & { kind: string; scores: ScoreView[] })[];
	changes: ChangeView[];
};

const scorerOf = (key: string) =>
	key.startsWith('group:') ? { scorerKind: 'group' as const, scorerGroupId: key.slice(6) } : { scorerKind: 'facilitator' as const, scorerGroupId: null };

/** The results of a workshop for its facilitator: every activity, revealed or not. */
export function report(workshopId: string): Report {
	const board = leaderboard(workshopId, { revealedOnly: false });
	const kinds = new Map(workshops.activities(workshopId).map((a) => [a.id, a.kind]));
	const scores = scoresOfWorkshop(workshopId);
	const changes = changesOfWorkshop(workshopId);
	const names = submitterNames([...scores.map((s) => s.submittedBy), ...changes.map((c) => c.changedBy)]);
	const position = new Map(board.groups.map((g, i) => [g.id, i]));
	// Facilitator first, then the peer groups in their order.
	const order = (v: ScoreView) => (v.scorerGroupId === null ? -1 : (position.get(v.scorerGroupId) ?? 99));
	const views: ScoreView[] = scores
		.map((s) => ({
			id: s.id,
			activityId: s.activityId,
			groupId: s.groupId,
			...scorerOf(s.scorerKey),
			submitter: names.get(s.submittedBy) ?? null,
			marks: s.marks,
			comments: s.comments,
			comment: s.comment,
			updatedAt: s.updatedAt.getTime()
		}))
		.sort((a, b) => (position.get(a.groupId) ?? 0) - (position.get(b.groupId) ?? 0) || order(a) - order(b));
	return {
		...board,
		activities: board.activities.map((a) => ({ ...a, kind: kinds.get(a.id) ?? '', scores: views.filter((s) => s.activityId === a.id) })),
		changes: changes.map((c) => ({
			id: c.id,
			activityId: c.activityId,
			groupId: c.groupId,
			...scorerOf(c.scorerKey),
			changedBy: names.get(c.changedBy) ?? null,
			changedAt: c.changedAt.getTime(),
			before: (c.before ?? {}) as ChangeView['before'],
			after: (c.after ?? {}) as ChangeView['after']
		}))
	};
}

/** The text of `l` in `locale`, falling back to Chinese. */
export function pick(l: Localized | null | undefined, locale: 'zh-CN' | 'en'): string {
	return l ? l[locale] || l['zh-CN'] || l.en : '';
}
