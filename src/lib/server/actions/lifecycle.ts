import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '../collab/instance';
import { text } from '../forms';
import * as guard from '../guard';
import { revealLeftovers } from '../reveal';
import * as snapshots from '../snapshots';
import * as workshops from '../workshops';

/** Form actions of the workshop page for its life: start, end (which snapshots every board), reopen. */
export const lifecycleActions: Record<string, Action<{ id: string }>> = {
	status: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const status = text(await request.formData(), 'status');
		if (status !== 'live' && status !== 'ended') return fail(400, { message: m.error_generic() });
		if (status === 'live' && workshop.status === 'ended' && workshops.byJoinCode(workshop.joinCode)) {
			// Another open workshop took this code meanwhile: two open ones cannot share it. Those
			// who joined keep their place; newcomers use the new code the console shows.
			workshops.renewJoinCode(workshop.id);
		}
		workshops.setStatus(workshop.id, status);
		// Open sockets reconnect and are authorised again: read-only once the workshop has ended.
		collab.get().disconnect((g) => g.workshopId === workshop.id, 4002, 'workshop status changed');
		if (status === 'ended') {
			// Nobody can write any more (the status changed before the sockets closed), so the
			// snapshot is the boards as they stood at the end, with the unrevealed private notes.
			try {
				await revealLeftovers(collab.get(), workshop.id);
			} catch (error) {
				// They stay in their authors' private documents; the boards are still snapshotted.
				console.error('workshop: revealing private notes at the end failed', error);
			}
			snapshots.take(workshop.id);
		}
		return { saved: true };
	}
};
