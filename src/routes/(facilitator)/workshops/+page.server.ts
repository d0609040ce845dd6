import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import * as collab from '$lib/server/collab/instance';
import { createDemo } from '$lib/server/demo';
import { text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import * as admin from '$lib/server/workshop-admin';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const f = guard.facilitator(locals, url);
	const list = workshops.listForOwner(f.id).map((w) => ({
		id: w.id,
		title: w.title,
		status: w.status,
		joinCode: w.joinCode,
		scheduledFor: w.scheduledFor,
		endedAt: w.endedAt?.getTime() ?? null,
		archived: w.archivedAt !== null,
		groups: workshops.groups(w.id).length,
		participants: workshops.participants(w.id).length
	}));
	return { workshops: list, deleted: url.searchParams.has('deleted') };
}) satisfies PageServerLoad;

/** The workshop named by the form's `id`, if the signed-in facilitator owns it. */
async function owned(locals: App.Locals, url: URL, request: Request) {
	const id = text(await request.formData(), 'id');
	return guard.ownedWorkshop(locals, url, id).workshop;
}

export const actions = {
	/** Moves a workshop that is not running into the archive. */
	archive: async ({ locals, url, request }) => {
		const w = await owned(locals, url, request);
		if (w.status === 'live') return fail(409, { message: m.revisit_archive_live() });
		admin.setArchived(w.id, true);
		redirect(303, '/workshops');
	},
	/** Brings a workshop back from the archive. */
	unarchive: async ({ locals, url, request }) => {
		const w = await owned(locals, url, request);
		admin.setArchived(w.id, false);
		redirect(303, '/workshops');
	},
	/** A ready-made draft workshop to see the product with, in the facilitator's language. */
	demo: async ({ locals, url }) => {
		const f = guard.facilitator(locals, url);
		const w = await createDemo(collab.get(), f.id, getLocale() === 'en' ? 'en' : 'zh-CN');
		redirect(303, `/workshops/${w.id}`);
	},
	/** A new draft workshop with the same groups and agenda, for the next class. */
	duplicate: async ({ locals, url, request }) => {
		const w = await owned(locals, url, request);
		const copy = admin.duplicate(w);
		redirect(303, `/workshops/${copy.id}`);
	}
} satisfies Actions;
