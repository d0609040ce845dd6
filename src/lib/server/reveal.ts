/**
 * Revealing a silent phase: every participant's private notes move onto their group's board,
 * credited to them or anonymously. The server does the moving, through the collaboration
 * server's change API, so the notes reach the other tablets only now, and only as board notes.
 */
import type * as Y from 'yjs';
import { boardDoc, liveDoc, privateDoc } from '../docs';
import { markRevealed } from '../live/model';
import { revealHook } from '../live/reveal';
import * as workshops from './workshops';

/** What reveal needs of the collaboration server. */
export interface DocChanger {
	change<T>(doc: string, fn: (ydoc: Y.Doc) => T): Promise<T>;
}

/** The board map recording which private items were already placed, so a retry never duplicates. */
const DONE = 'reveal.done';

/** The outcome of a reveal: how many notes moved, or why nothing could. */
export type RevealResult = { ok: true; moved: number } | { ok: false; reason: 'no-activity' | 'unsupported' };

/**
 * Moves the private notes of `activityId` onto the boards. Per participant: read the private
 * notes, add the ones not yet placed to the board (stored before anyone sees them), then remove
 * them from the private document. A crash in between leaves them marked as placed, not twice.
 */
export async function reveal(
	collab: DocChanger,
	input: { workshopId: string; activityId: string; anonymous: boolean; now?: number; onlyIfAny?: boolean }
): Promise<RevealResult> {
	const act = workshops.getActivity(input.activityId);
	if (!act || act.workshopId !== input.workshopId) return { ok: false, reason: 'no-activity' };
	const hook = revealHook(act.kind);
	if (!hook) return { ok: false, reason: 'unsupported' };
	let moved = 0;
	for (const p of workshops.participants(input.workshopId)) {
		if (!p.groupId) continue;
		const source = privateDoc(act.id, p.id);
		const items = await collab.change(source, (doc) => hook.take(doc, act.definition));
		if (items.length === 0) continue;
		const author = input.anonymous ? '' : p.displayName;
		await collab.change(boardDoc(act.id, p.groupId), (board) => {
			const done = board.getMap<boolean>(DONE);
			for (const item of items) {
				const key = `${p.id}:${item.id}`;
				if (done.get(key)) continue;
				item.place(board, author);
				done.set(key, true);
			}
		});
		await collab.change(source, (doc) => hook.remove(doc, items.map((i) => i.id)));
		moved += items.length;
	}
	// `onlyIfAny`: an activity whose phases had nothing private is not marked as revealed.
	if (moved > 0 || !input.onlyIfAny) {
		await collab.change(liveDoc(input.workshopId), (doc) => markRevealed(doc, act.id, input.now ?? Date.now()));
	}
	return { ok: true, moved };
}

/**
 * At the end of a workshop, the private notes nobody revealed join their group's boards,
 * credited (as the console's reveal is by default): otherwise they would be in no board, no
 * recap and no export. Returns how many notes moved.
 */
export async function revealLeftovers(collab: DocChanger, workshopId: string): Promise<number> {
	let moved = 0;
	for (const act of workshops.activities(workshopId)) {
		if (!revealHook(act.kind)) continue;
		const result = await reveal(collab, { workshopId, activityId: act.id, anonymous: false, onlyIfAny: true });
		if (result.ok) moved += result.moved;
	}
	return moved;
}
