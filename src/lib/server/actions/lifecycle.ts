import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '../collab/instance';
import { text } from '../forms';
import * as guard from '../guard';
import * as snapshots from '../snapshots';
import * as workshops from '../workshops';

/** Form actions of the workshop page for its life: start, end (which snapshots every board), reopen. */
export const lifecycleActions: Record<string, Action<{ id: string }>> = {
	status: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const status = text(await request.formData(), 'status');
		if (status !== 'live' && status !== 'ended') return fail(400, { message: m.error_generic() });
		if (status === 'live' && workshop.status === 'ended' && workshops.byJoinCode(workshop.joinCode)) {
			// Another open workshop took this code meanwhile: reopening would make it ambiguous.
			return fail(409, { message: m.error_generic() });
		}
		workshops.setStatus(workshop.id, status);
		// Open sockets reconnect and are authorised again: read-only once the workshop has ended.
		collab.get().disconnect((g) => g.workshopId === workshop.id, 4002, 'workshop status changed');
		// In the same turn of the event loop: the closed sockets can no longer write, so the
		// snapshot is the boards exactly as they stood at the end.
		if (status === 'ended') snapshots.take(workshop.id);
		return { saved: true };
	}
};
