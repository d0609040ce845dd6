import * as fishbone from '../../activities/fishbone/model';
import { readDefinition } from '../../activities/fishbone/definition';
import type { RevealHook } from './types';

/**
 * Fishbone: each private cause goes onto the same bone of the group's fish with its countermeasure,
 * and its sub-causes under it; one item per cause with its sub-causes, so they move together.
 */
export const fishboneReveal: RevealHook = {
	take(doc, definition) {
		const bones = readDefinition(definition).bones.map((b) => b.key);
		return fishbone.readCauses(doc, bones).map((cause) => ({
			id: cause.id,
			place(board, author) {
				const id = fishbone.addCause(board, { bone: cause.bone, text: cause.text, countermeasure: cause.countermeasure, author }, bones);
				if (!id) return;
				for (const child of cause.children) {
					fishbone.addCause(board, { bone: cause.bone, parent: id, text: child.text, countermeasure: child.countermeasure, author }, bones);
				}
			}
		}));
	},
	remove(doc, ids) {
		doc.transact(() => {
			for (const id of ids) fishbone.deleteCause(doc, id);
		});
	}
};
