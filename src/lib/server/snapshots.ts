import { and, eq, like } from 'drizzle-orm';
import * as Y from 'yjs';
import * as db from './db';
import { activity, group, snapshot } from './db/schema';
import { SqliteStorage } from './collab/sqlite-storage';
import { boardDoc } from '../docs';

// A snapshot is every board of a workshop as it stood when the workshop ended: what participants
// revisit and export. It is read from the Yjs log itself (not from a room in memory), because
// every update is on disk before anyone has seen it, so the log is the whole truth.

/** Merges a document's stored updates into one; corrupt rows are skipped, as the rooms do. */
export function mergeStored(updates: Uint8Array[]): Uint8Array {
	if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
	try {
		return Y.mergeUpdates(updates);
	} catch {
		const doc = new Y.Doc();
		for (const update of updates) {
			try {
				Y.applyUpdate(doc, update);
			} catch (error) {
				console.error('snapshot: skipping a corrupt stored update', error);
			}
		}
		const merged = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		return merged;
	}
}

/**
 * Stores the state of every (activity, group) board of a workshop, replacing earlier snapshots
 * (a workshop reopened and ended again is snapshotted again). Returns how many boards it stored.
 */
export function take(workshopId: string, now = new Date()): number {
	const d = db.get();
	const storage = new SqliteStorage(d.$client);
	const activities = d.select({ id: activity.id }).from(activity).where(eq(activity.workshopId, workshopId)).all();
	const groups = d.select({ id: group.id }).from(group).where(eq(group.workshopId, workshopId)).all();
	return d.transaction((tx) => {
		let stored = 0;
		for (const a of activities) {
			for (const g of groups) {
				const doc = boardDoc(a.id, g.id);
				const state = Buffer.from(mergeStored(storage.load(doc).updates));
				tx.insert(snapshot)
					.values({ doc, workshopId, state, takenAt: now })
					.onConflictDoUpdate({ target: snapshot.doc, set: { state, takenAt: now } })
					.run();
				stored++;
			}
		}
		return stored;
	});
}

/** The snapshots of one group's boards, by activity id (none before the workshop has ended). */
export function forGroup(workshopId: string, groupId: string): Map<string, { state: Uint8Array; takenAt: Date }> {
	const rows = db
		.get()
		.select()
		.from(snapshot)
		.where(and(eq(snapshot.workshopId, workshopId), like(snapshot.doc, 'board.%')))
		.all();
	const out = new Map<string, { state: Uint8Array; takenAt: Date }>();
	for (const row of rows) {
		const [, activityId, gid] = row.doc.split('.');
		if (gid === groupId) out.set(activityId, { state: new Uint8Array(row.state), takenAt: row.takenAt });
	}
	return out;
}

/** Number of snapshots a workshop has. */
export function count(workshopId: string): number {
	return db.get().select({ doc: snapshot.doc }).from(snapshot).where(eq(snapshot.workshopId, workshopId)).all().length;
}
