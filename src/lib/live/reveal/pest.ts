import * as pest from '../../activities/pest/model';
import type { RevealHook } from './types';

/** PEST: each private note becomes a note in the same quadrant, with its mark, weight and countermeasure. */
export const pestReveal: RevealHook = {
	take(doc) {
		const grouped = pest.notesByQuadrant(doc);
		return pest.QUADRANTS.flatMap((q) => grouped[q]).map((note) => ({
			id: note.id,
			place(board, author) {
				const id = pest.addNote(board, { quadrant: note.quadrant, text: note.text, kind: note.kind, author });
				if (!id) return;
				if (note.countermeasure) pest.setCountermeasure(board, id, note.countermeasure);
				if (note.weight !== undefined) pest.setWeight(board, id, note.weight, pest.MAX_WEIGHT_SCALE);
			}
		}));
	},
	remove(doc, ids) {
		doc.transact(() => {
			for (const id of ids) pest.deleteNote(doc, id);
		});
	}
};
