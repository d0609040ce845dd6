import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '../collab/instance';
import { text } from '../forms';
import * as guard from '../guard';
import * as participants from '../participants';

/** Closes a participant's open sockets, so they reconnect under their new rights. */
function kick(participantId: string) {
	collab.get().disconnect((g) => g.subject === `p:${participantId}`, 4001, 'membership changed');
}

/** Form actions of the workshop page for its roster: move and remove participants. */
export const rosterActions: Record<string, Action<{ id: string }>> = {
	move: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const participantId = text(form, 'participant');
		const groupId = text(form, 'group');
		if (groupId && !participants.groupInWorkshop(workshop.id, groupId)) return fail(400, { message: m.error_generic() });
		participants.setGroup(workshop.id, participantId, groupId || null);
		kick(participantId);
		return { saved: true };
	},
	removeParticipant: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const participantId = text(await request.formData(), 'participant');
		participants.remove(workshop.id, participantId);
		kick(participantId);
		return { saved: true };
	}
};
