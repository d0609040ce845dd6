/**
 * Crosswise review (交叉点评): after presenting, each group writes a short review of another
 * group's board. The app assigns the pairs in a rotation (group i reviews group i+1, the last
 * reviews the first), shows the reviewer the target's board read-only, and shows the reviewed
 * group what was written only once the facilitator releases the reviews.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { MAX_REVIEW } from '../activities/mot/limits';
import { hasCrosswiseReview } from '../activities/reviewed';
import { byName } from '../locale-format';
import * as db from './db';
import { boardState } from './scoring/boards';
import { activity, review, type Activity, type Participant } from './db/schema';
import { newId } from './ids';
import * as workshops from './workshops';

/** Longest review, in characters (the review form stops there too). */
export { MAX_REVIEW };

/** A group as the review screens show it. */
export type GroupRef = { id: string; name: string; colour: number };

/** What one participant's group sees: whom it reviews, what it wrote, and what it received. */
export type ParticipantView = {
	released: boolean;
	/** The group this participant's group reviews; null without a group or with fewer than two groups. */
	target: GroupRef | null;
	/** This group's review of its target, if written. */
	mine: { body: string; updatedAt: number } | null;
	/** Reviews of this group, only once released. */
	received: { from: GroupRef; body: string }[];
};

/** Every pair of an activity, for the facilitator. */
export type Overview = {
	releasedAt: number | null;
	pairs: { reviewer: GroupRef; target: GroupRef; body: string; updatedAt: number | null }[];
};

/** Why a review was not saved. */
export type Refusal = 'not-found' | 'no-group' | 'no-target' | 'moved' | 'locked' | 'released' | 'ended';

/** The outcome of writing a review. */
export type WriteResult = { ok: true; updatedAt: number } | { ok: false; reason: Refusal };

/** The rotation over groups in order: each reviews the next, the last reviews the first. */
export function rotation(groupIds: readonly string[]): Map<string, string> {
	const pairs = new Map<string, string>();
	if (groupIds.length < 2) return pairs;
	groupIds.forEach((id, i) => pairs.set(id, groupIds[(i + 1) % groupIds.length]));
	return pairs;
}

/**
 * The groups that take part: those with members. A group nobody joined has an empty board to
 * review and nobody to write a review, so a ring through it would leave one group unreviewed
 * and give another nothing to read.
 */
function groupsOf(act: Activity): GroupRef[] {
	const manned = new Set(workshops.participants(act.workshopId).map((p) => p.groupId));
	return workshops
		.groups(act.workshopId)
		.filter((g) => manned.has(g.id))
		.map((g) => ({ id: g.id, name: g.name, colour: g.colour }));
}

/** The group `reviewerGroupId` reviews in an activity, or null. */
export function targetOf(activityId: string, reviewerGroupId: string): string | null {
	const act = workshops.getActivity(activityId);
	if (!act) return null;
	return rotation(groupsOf(act).map((g) => g.id)).get(reviewerGroupId) ?? null;
}

function releasedAt(act: Activity): number | null {
	return act.reviewsReleasedAt ? act.reviewsReleasedAt.getTime() : null;
}

/** The participant's activity, when they belong to its workshop and it has crosswise review. */
function activityFor(activityId: string, p: Participant): Activity | null {
	const act = workshops.getActivity(activityId);
	return act && act.workshopId === p.workshopId && hasCrosswiseReview(act.kind) ? act : null;
}

/** What a participant's group sees of the reviews in an activity; null when the activity is not theirs. */
export function forParticipant(activityId: string, p: Participant): ParticipantView | null {
	const act = activityFor(activityId, p);
	if (!act) return null;
	const groups = groupsOf(act);
	const byId = new Map(groups.map((g) => [g.id, g]));
	const released = releasedAt(act) !== null;
	const view: ParticipantView = { released, target: null, mine: null, received: [] };
	if (!p.groupId || !byId.has(p.groupId)) return view;
	const targetId = rotation(groups.map((g) => g.id)).get(p.groupId);
	view.target = targetId ? (byId.get(targetId) ?? null) : null;
	const rows = db.get().select().from(review).where(eq(review.activityId, act.id)).all();
	const own = rows.find((r) => r.reviewerGroupId === p.groupId);
	// A review written for a previous target (the groups changed since) is not this pair's.
	if (own && own.targetGroupId === targetId) view.mine = { body: own.body, updatedAt: own.updatedAt.getTime() };
	if (released) view.received = receivedFrom(rows, p.groupId, byId);
	return view;
}

// Numeric, so that 第2组 comes before 第10组.
const byGroupName = byName('zh-CN');

function receivedFrom(rows: (typeof review.$inferSelect)[], groupId: string, byId: Map<string, GroupRef>) {
	return rows
		.filter((r) => r.targetGroupId === groupId && r.body.trim() && byId.has(r.reviewerGroupId))
		.map((r) => ({ from: byId.get(r.reviewerGroupId)!, body: r.body }))
		.sort((a, b) => byGroupName(a.from.name, b.from.name));
}

/** The released reviews of one group (empty until released): for summaries, projector and recap. */
export function released(activityId: string, groupId: string): { from: string; body: string }[] {
	const act = workshops.getActivity(activityId);
	if (!act || releasedAt(act) === null) return [];
	const rows = db.get().select().from(review).where(eq(review.activityId, act.id)).all();
	const byId = new Map(groupsOf(act).map((g) => [g.id, g]));
	return receivedFrom(rows, groupId, byId).map((r) => ({ from: r.from.name, body: r.body }));
}

/**
 * Saves the review of the participant's group for its assigned target. Only a member of the
 * reviewing group may write it; `expectedTarget`, when given, must still be the assigned one, so
 * a review typed before the groups changed never lands on another group.
 */
export function write(activityId: string, p: Participant, body: string, expectedTarget?: string, now = new Date()): WriteResult {
	const act = activityFor(activityId, p);
	if (!act) return { ok: false, reason: 'not-found' };
	const w = workshops.get(act.workshopId);
	if (!w || w.status === 'ended') return { ok: false, reason: 'ended' };
	if (!p.groupId) return { ok: false, reason: 'no-group' };
	const group = workshops.groups(act.workshopId).find((g) => g.id === p.groupId);
	if (!group) return { ok: false, reason: 'no-group' };
	if (group.locked) return { ok: false, reason: 'locked' };
	// Once the reviewed groups can read them, reviews stay as they were read.
	if (releasedAt(act) !== null) return { ok: false, reason: 'released' };
	const targetId = targetOf(act.id, group.id);
	if (!targetId) return { ok: false, reason: 'no-target' };
	if (expectedTarget !== undefined && expectedTarget !== targetId) return { ok: false, reason: 'moved' };
	const text = body.trim().slice(0, MAX_REVIEW);
	db.get()
		.insert(review)
		.values({ id: newId(), activityId: act.id, reviewerGroupId: group.id, targetGroupId: targetId, body: text, updatedAt: now })
		.onConflictDoUpdate({ target: [review.activityId, review.reviewerGroupId], set: { targetGroupId: targetId, body: text, updatedAt: now } })
		.run();
	return { ok: true, updatedAt: now.getTime() };
}

/** Every assigned pair with what was written, for the facilitator's console. */
export function overview(activityId: string): Overview | null {
	const act = workshops.getActivity(activityId);
	if (!act) return null;
	const groups = groupsOf(act);
	const byId = new Map(groups.map((g) => [g.id, g]));
	const rows = db.get().select().from(review).where(eq(review.activityId, act.id)).all();
	const pairs = [...rotation(groups.map((g) => g.id))].map(([reviewerId, targetId]) => {
		const row = rows.find((r) => r.reviewerGroupId === reviewerId && r.targetGroupId === targetId);
		return { reviewer: byId.get(reviewerId)!, target: byId.get(targetId)!, body: row?.body ?? '', updatedAt: row ? row.updatedAt.getTime() : null };
	});
	return { releasedAt: releasedAt(act), pairs };
}

/** Releases the reviews to the reviewed groups (true) or takes them back (false). */
export function setReleased(activityId: string, release: boolean, now = new Date()): void {
	db.get()
		.update(activity)
		.set({ reviewsReleasedAt: release ? now : null })
		.where(eq(activity.id, activityId))
		.run();
}

/**
 * The current state of the board the participant's group reviews, as one Yjs update, or null
 * when they are not the assigned reviewers. Every update is stored before any peer sees it, so
 * the stored log is as fresh as the open room; an ended workshop's snapshot is the fallback.
 */
export function targetBoard(activityId: string, p: Participant): Uint8Array | null {
	const act = activityFor(activityId, p);
	if (!act || !p.groupId) return null;
	const targetId = targetOf(act.id, p.groupId);
	if (!targetId) return null;
	// Read as the results page reads it; a board nobody wrote on is an empty document.
	return boardState(act.id, targetId) ?? Y.encodeStateAsUpdate(new Y.Doc());
}
