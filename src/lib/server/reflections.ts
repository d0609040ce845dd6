import { and, asc, eq } from 'drizzle-orm';
import * as db from './db';
import { participant, reflection, type Reflection } from './db/schema';
import { MAX_REPORT, codePoints, countChars } from '../revisit/count';

// A participant's learning report (学习报告) for one workshop: drafted with autosave, then
// submitted. A submitted report is frozen so that the facilitator comments on what they read;
// the participant may take it back for changes until the facilitator has commented.

/** Longest facilitator comment, in code points. */
export const MAX_COMMENT = 4000;

/** A report as the editor needs it; an empty draft when nothing was written yet. */
export function get(participantId: string): Reflection {
	const row = db.get().select().from(reflection).where(eq(reflection.participantId, participantId)).get();
	return row ?? { participantId, body: '', submittedAt: null, facilitatorComment: null, commentedAt: null, updatedAt: new Date(0) };
}

export type SaveResult =
	| { ok: true; updatedAt: Date }
	| { ok: false; reason: 'submitted' | 'too-long' }
	| { ok: false; reason: 'conflict'; body: string; updatedAt: Date };

/**
 * Stores a draft (autosave); refused once submitted, or when longer than MAX_REPORT. `base` is
 * when the server stored the text the edit started from: when the report was saved since (from
 * another tab or device) with other text, the save is refused as a conflict, with that text, so
 * that nobody's words are replaced unseen. Without `base` (older pages) the last save wins.
 */
export function save(participantId: string, body: string, now = new Date(), base?: number): SaveResult {
	if (codePoints(body) > MAX_REPORT) return { ok: false, reason: 'too-long' };
	const d = db.get();
	return d.transaction((tx) => {
		const row = tx.select().from(reflection).where(eq(reflection.participantId, participantId)).get();
		if (row?.submittedAt) return { ok: false as const, reason: 'submitted' as const };
		if (row && base !== undefined && row.updatedAt.getTime() > base && row.body !== body) {
			return { ok: false as const, reason: 'conflict' as const, body: row.body, updatedAt: row.updatedAt };
		}
		tx.insert(reflection)
			.values({ participantId, body, updatedAt: now })
			.onConflictDoUpdate({ target: reflection.participantId, set: { body, updatedAt: now } })
			.run();
		return { ok: true as const, updatedAt: now };
	});
}

export type SubmitResult = { ok: true } | { ok: false; reason: 'short'; missing: number };

/** Submits the stored report when it reaches `target` characters (see countChars). */
export function submit(participantId: string, target: number, now = new Date()): SubmitResult {
	const row = get(participantId);
	if (row.submittedAt) return { ok: true };
	const count = countChars(row.body);
	if (count < target) return { ok: false, reason: 'short', missing: target - count };
	db.get()
		.insert(reflection)
		.values({ participantId, body: row.body, submittedAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: reflection.participantId, set: { submittedAt: now, updatedAt: now } })
		.run();
	return { ok: true };
}

/** Takes a submitted report back into draft; refused once the facilitator has commented. */
export function reopen(participantId: string): boolean {
	const row = get(participantId);
	if (!row.submittedAt) return true;
	if (row.facilitatorComment) return false;
	db.get().update(reflection).set({ submittedAt: null }).where(eq(reflection.participantId, participantId)).run();
	return true;
}

/**
 * The facilitator's comment on a submitted report of their workshop; an empty text removes it.
 * False when the participant is not in that workshop or has not submitted.
 */
export function comment(workshopId: string, participantId: string, text: string, now = new Date()): boolean {
	const d = db.get();
	const p = d.select({ id: participant.id }).from(participant).where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId))).get();
	if (!p || !get(participantId).submittedAt || codePoints(text) > MAX_COMMENT) return false;
	d.update(reflection)
		.set({ facilitatorComment: text || null, commentedAt: text ? now : null })
		.where(eq(reflection.participantId, participantId))
		.run();
	return true;
}

/** Every participant of a workshop with their report (or none), in joining order. */
export function forWorkshop(workshopId: string) {
	return db
		.get()
		.select({ participant, reflection })
		.from(participant)
		.leftJoin(reflection, eq(reflection.participantId, participant.id))
		.where(eq(participant.workshopId, workshopId))
		.orderBy(asc(participant.createdAt))
		.all();
}
