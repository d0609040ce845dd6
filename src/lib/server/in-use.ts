import { boardDoc } from '../docs';
import * as db from './db';
import * as workshops from './workshops';

/**
 * Whether a group or an activity already holds what people made: removing it would delete that
 * with it (the database cascades scores, reviews and roles; boards would be left unreachable).
 */

function hasRow(sql: string, ...params: string[]): boolean {
	return db.get().$client.prepare(sql).get(...params) !== undefined;
}

/** Whether any of `docs` has a stored log or an end-of-workshop snapshot. */
function anyBoard(docs: string[]): boolean {
	return docs.some(
		(doc) => hasRow('SELECT 1 FROM yjs_update WHERE doc = ? LIMIT 1', doc) || hasRow('SELECT 1 FROM snapshot WHERE doc = ?', doc)
	);
}

/** Members, scores given or received, reviews, role-play rounds, or a board with content. */
export function groupHolds(workshopId: string, groupId: string): boolean {
	return (
		hasRow('SELECT 1 FROM participant WHERE group_id = ? LIMIT 1', groupId) ||
		hasRow('SELECT 1 FROM score WHERE group_id = ? OR scorer_group_id = ? LIMIT 1', groupId, groupId) ||
		hasRow('SELECT 1 FROM review WHERE reviewer_group_id = ? OR target_group_id = ? LIMIT 1', groupId, groupId) ||
		hasRow('SELECT 1 FROM role_assignment WHERE group_id = ? LIMIT 1', groupId) ||
		anyBoard(workshops.activities(workshopId).map((a) => boardDoc(a.id, groupId)))
	);
}

/** Scores, reviews, role-play rounds, or any group's board with content. */
export function activityHolds(workshopId: string, activityId: string): boolean {
	return (
		hasRow('SELECT 1 FROM score WHERE activity_id = ? LIMIT 1', activityId) ||
		hasRow('SELECT 1 FROM review WHERE activity_id = ? LIMIT 1', activityId) ||
		hasRow('SELECT 1 FROM role_assignment WHERE activity_id = ? LIMIT 1', activityId) ||
		anyBoard(workshops.groups(workshopId).map((g) => boardDoc(activityId, g.id)))
	);
}
