import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '$lib/server/collab/instance';
import { text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import * as admin from '$lib/server/workshop-admin';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status },
		counts: { participants: workshops.participants(workshop.id).length, activities: workshops.activities(workshop.id).length, groups: workshops.groups(workshop.id).length }
	};
}) satisfies PageServerLoad;

// Open rooms write a compacted copy of their document when they close; the sockets were told to
// close before the delete, so delete those documents again once they have certainly gone
// (ws gives a closing handshake 30 s before it drops the socket).
const AGAIN_MS = [2_000, 35_000];

export const actions = {
	/** Deletes the workshop and all its participants' data, once its title has been typed. */
	default: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const typed = text(await request.formData(), 'confirm');
		if (typed !== workshop.title.trim()) return fail(400, { message: m.revisit_delete_mismatch() });
		collab.get().disconnect((g) => g.workshopId === workshop.id, 4404, 'workshop deleted');
		const docs = admin.remove(workshop.id);
		for (const ms of AGAIN_MS) setTimeout(() => admin.deleteDocs(docs), ms).unref();
		redirect(303, '/workshops?deleted=1');
	}
} satisfies Actions;
