import { and, eq } from 'drizzle-orm';
import * as db from './db';
import { group, participant, type Participant } from './db/schema';
import { hashToken, newId, newToken } from './ids';
import * as revisit from './revisit';

/** The name of the participant cookie. */
export const COOKIE = 'huddle_participant';

/**
 * Adds a participant to a workshop; returns the row (with its personal revisit code) and the
 * cookie token (stored only hashed).
 */
export function join(workshopId: string, displayName: string, groupId: string | null) {
	const token = newToken();
	const row: Participant = {
		id: newId(),
		workshopId,
		groupId,
		displayName: displayName.trim(),
		colour: null,
		tokenHash: hashToken(token),
		revisitCode: null,
		createdAt: new Date()
	};
	db.get().insert(participant).values(row).run();
	row.revisitCode = revisit.codeFor(row);
	return { participant: row, token };
}

/**
 * A participant joining again from the same form: the name and group just chosen replace the
 * earlier ones; null when they are no longer in the workshop.
 */
export function rejoin(workshopId: string, participantId: string, displayName: string, groupId: string | null): Participant | null {
	const row = db
		.get()
		.update(participant)
		.set({ displayName: displayName.trim(), groupId })
		.where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId)))
		.returning()
		.get();
	if (!row) return null;
	row.revisitCode = revisit.codeFor(row);
	return row;
}

/** The participant a cookie token belongs to. */
export function byToken(token: string): Participant | undefined {
	return db.get().select().from(participant).where(eq(participant.tokenHash, hashToken(token))).get();
}

/** Whether `groupId` is a group of `workshopId`. */
export function groupInWorkshop(workshopId: string, groupId: string): boolean {
	return !!db.get().select({ id: group.id }).from(group).where(and(eq(group.id, groupId), eq(group.workshopId, workshopId))).get();
}

/** Puts a participant into a group of their workshop (or none). */
export function setGroup(workshopId: string, participantId: string, groupId: string | null): void {
	db.get().update(participant).set({ groupId }).where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId))).run();
}

/** The longest display name a participant may choose, in characters. */
export const MAX_NAME_CHARS = 40;

/** Whether `name` (already trimmed) can be a display name: not empty, at most MAX_NAME_CHARS characters. */
export function isDisplayName(name: string): boolean {
	return name !== '' && [...name].length <= MAX_NAME_CHARS;
}

/** Sets the name and presence colour (a palette index, or null for the group's) a participant shows to others. */
export function setProfile(workshopId: string, participantId: string, profile: { name: string; colour: number | null }): void {
	db.get()
		.update(participant)
		.set({ displayName: profile.name.trim(), colour: profile.colour })
		.where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId)))
		.run();
}

/** Removes a participant from their workshop; their cookie stops working. */
export function remove(workshopId: string, participantId: string): void {
	db.get().delete(participant).where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId))).run();
}
