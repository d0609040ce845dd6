/**
 * Group locks: the facilitator freezes one group's boards, or every group's. The lock is a column
 * of the group row (`workshop_group.locked`), read at the websocket door, so it holds even
 * against a client that ignores what its screen says.
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as db from './db';
import { group, participant } from './db/schema';

/** Whether a group of `workshopId` is locked; null when the group is not one of its groups. */
export function groupLocked(workshopId: string, groupId: string): boolean | null {
	const row = db
		.get()
		.select({ locked: group.locked })
		.from(group)
		.where(and(eq(group.id, groupId), eq(group.workshopId, workshopId)))
		.get();
	return row ? row.locked : null;
}

/**
 * The group of a participant of `workshopId` and whether it is locked; null when there is no
 * such participant. A participant without a group is never locked.
 */
export function authorLock(workshopId: string, participantId: string): { groupId: string | null; locked: boolean } | null {
	const row = db
		.get()
		.select({ groupId: participant.groupId, locked: group.locked })
		.from(participant)
		.leftJoin(group, eq(group.id, participant.groupId))
		.where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId)))
		.get();
	return row ? { groupId: row.groupId, locked: row.locked ?? false } : null;
}

/** The ids of a workshop's locked groups. */
export function lockedGroups(workshopId: string): string[] {
	return db
		.get()
		.select({ id: group.id })
		.from(group)
		.where(and(eq(group.workshopId, workshopId), eq(group.locked, true)))
		.all()
		.map((r) => r.id);
}

/**
 * Locks or unlocks groups of `workshopId` (all of them when `groupIds` is null); returns the ids
 * that changed. Ids of other workshops' groups are ignored.
 */
export function setLocked(workshopId: string, groupIds: string[] | null, locked: boolean): string[] {
	const d = db.get();
	return d.transaction((tx) => {
		const scope = groupIds === null ? eq(group.workshopId, workshopId) : and(eq(group.workshopId, workshopId), inArray(group.id, groupIds));
		const changed = tx
			.select({ id: group.id })
			.from(group)
			.where(and(scope, eq(group.locked, !locked)))
			.all()
			.map((r) => r.id);
		if (changed.length > 0) tx.update(group).set({ locked }).where(inArray(group.id, changed)).run();
		return changed;
	});
}

/** The participants of the given groups, for closing their sockets. */
export function membersOf(workshopId: string, groupIds: string[]): string[] {
	if (groupIds.length === 0) return [];
	return db
		.get()
		.select({ id: participant.id })
		.from(participant)
		.where(and(eq(participant.workshopId, workshopId), inArray(participant.groupId, groupIds)))
		.all()
		.map((r) => r.id);
}
