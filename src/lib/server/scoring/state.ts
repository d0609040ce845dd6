import { eq } from 'drizzle-orm';
import * as db from '../db';
import { activity, type Activity } from '../db/schema';
import * as workshops from '../workshops';
import { refuse, type Result } from './errors';

/** What the facilitator can do to an activity's scoring. */
export type ScoringAction = 'open' | 'close' | 'reveal';

/** The activity if `facilitatorId` owns its workshop. */
export function ownedActivity(facilitatorId: string, activityId: string): Activity | undefined {
	const act = workshops.getActivity(activityId);
	if (!act) return undefined;
	return workshops.getOwned(facilitatorId, act.workshopId) ? act : undefined;
}

/**
 * Opens or closes scoring, or reveals the leaderboard of an activity. Opening again after
 * closing is allowed, so that a facilitator can correct a score. A reveal cannot be taken
 * back and keeps its first time: the audit trail of later changes starts there.
 */
export function control(facilitatorId: string, activityId: string, action: ScoringAction, now = new Date()): Result<Activity> {
	const act = ownedActivity(facilitatorId, activityId);
	if (!act) return refuse({ code: 'not_found' });
	const set: Partial<Activity> =
		action === 'open'
			? { scoring: 'open' }
			: action === 'close'
				? { scoring: 'closed' }
				: { revealedAt: act.revealedAt ?? now };
	db.get().update(activity).set(set).where(eq(activity.id, act.id)).run();
	return { ok: true, value: { ...act, ...set } };
}
