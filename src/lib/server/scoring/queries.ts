import { and, asc, eq, inArray } from 'drizzle-orm';
import * as db from '../db';
import { activity, facilitator, participant, score, scoreChange, type Score } from '../db/schema';

/** Every score of a workshop's activities, oldest first. */
export function scoresOfWorkshop(workshopId: string): Score[] {
	return db
		.get()
		.select({ score })
		.from(score)
		.innerJoin(activity, eq(activity.id, score.activityId))
		.where(eq(activity.workshopId, workshopId))
		.orderBy(asc(score.createdAt))
		.all()
		.map((r) => r.score);
}

/** Every score of one activity, oldest first. */
export function scoresOfActivity(activityId: string): Score[] {
	return db.get().select().from(score).where(eq(score.activityId, activityId)).orderBy(asc(score.createdAt)).all();
}

/** The scores one scorer (`facilitator` or `group:<id>`) gave in an activity. */
export function scoresBy(activityId: string, scorerKey: string): Score[] {
	return db.get().select().from(score).where(and(eq(score.activityId, activityId), eq(score.scorerKey, scorerKey))).all();
}

/** One audited change, with the score it touched. */
export type Change = {
	id: number;
	scoreId: string;
	activityId: string;
	groupId: string;
	scorerKey: string;
	changedBy: string;
	changedAt: Date;
	before: unknown;
	after: unknown;
};

/** The audit trail of a workshop's scores, oldest first. */
export function changesOfWorkshop(workshopId: string): Change[] {
	return db
		.get()
		.select({
			id: scoreChange.id,
			scoreId: scoreChange.scoreId,
			activityId: score.activityId,
			groupId: score.groupId,
			scorerKey: score.scorerKey,
			changedBy: scoreChange.changedBy,
			changedAt: scoreChange.changedAt,
			before: scoreChange.before,
			after: scoreChange.after
		})
		.from(scoreChange)
		.innerJoin(score, eq(score.id, scoreChange.scoreId))
		.innerJoin(activity, eq(activity.id, score.activityId))
		.where(eq(activity.workshopId, workshopId))
		.orderBy(asc(scoreChange.id))
		.all();
}

/**
 * Display names for `f:<id>` / `p:<id>` submitters. A participant who was removed since keeps
 * no name; the caller shows the scorer's group instead.
 */
export function submitterNames(keys: Iterable<string>): Map<string, string> {
	const fIds = new Set<string>();
	const pIds = new Set<string>();
	for (const k of keys) {
		if (k.startsWith('f:')) fIds.add(k.slice(2));
		else if (k.startsWith('p:')) pIds.add(k.slice(2));
	}
	const names = new Map<string, string>();
	const d = db.get();
	if (fIds.size) {
		for (const f of d.select({ id: facilitator.id, name: facilitator.name }).from(facilitator).where(inArray(facilitator.id, [...fIds])).all()) {
			names.set(`f:${f.id}`, f.name);
		}
	}
	if (pIds.size) {
		for (const p of d.select({ id: participant.id, name: participant.displayName }).from(participant).where(inArray(participant.id, [...pIds])).all()) {
			names.set(`p:${p.id}`, p.name);
		}
	}
	return names;
}
