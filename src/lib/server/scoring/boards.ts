import { eq } from 'drizzle-orm';
import { boardDoc } from '../../docs';
import { SqliteStorage } from '../collab/sqlite-storage';
import * as db from '../db';
import { snapshot } from '../db/schema';
import { mergeStored } from '../snapshots';

/**
 * The stored state of one group's board, as one Yjs update: the merged update log (every update
 * is on disk before any peer sees it, so the log is the whole truth even while the room is open),
 * else the snapshot taken when the workshop ended. The log comes first: a workshop reopened after
 * it ended keeps its old snapshot until it ends again, and what groups add meanwhile is scored
 * too. Null when the board was never edited.
 */
export function boardState(activityId: string, groupId: string): Uint8Array | null {
	const name = boardDoc(activityId, groupId);
	const d = db.get();
	const { updates } = new SqliteStorage(d.$client).load(name);
	// A corrupt row is skipped, as the room skips it: the rest of the board is still worth showing.
	if (updates.length > 0) return updates.length === 1 ? updates[0] : mergeStored(updates);
	const snap = d.select({ state: snapshot.state }).from(snapshot).where(eq(snapshot.doc, name)).get();
	return snap ? new Uint8Array(snap.state) : null;
}

/** The same, base64-encoded for a page's data (the browser applies it to a fresh Y.Doc). */
export function boardStateBase64(activityId: string, groupId: string): string | null {
	const state = boardState(activityId, groupId);
	return state ? Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString('base64') : null;
}
