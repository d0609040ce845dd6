import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '$lib/server/collab/instance';
import * as library from '$lib/server/exercises';
import { int, text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import { joinUrl, qrSvg } from '$lib/server/join-link';
import * as participants from '$lib/server/participants';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params, depends }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	depends('workshop:live');
	const link = joinUrl(url.origin, workshop.joinCode);
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status, language: workshop.language, joinCode: workshop.joinCode, scheduledFor: workshop.scheduledFor },
		joinUrl: link,
		qr: await qrSvg(link),
		groups: workshops.groups(workshop.id).map((g) => ({ id: g.id, name: g.name, colour: g.colour })),
		activities: workshops.activities(workshop.id).map((a) => ({ id: a.id, kind: a.kind, exerciseId: a.exerciseId, definition: a.definition })),
		participants: workshops.participants(workshop.id).map((p) => ({ id: p.id, name: p.displayName, groupId: p.groupId })),
		exercises: library.all().map((e) => ({ id: e.id, kind: e.kind, title: e.title }))
	};
}) satisfies PageServerLoad;

/** Closes a participant's open sockets, so they reconnect under their new rights. */
function kick(participantId: string) {
	collab.get().disconnect((g) => g.subject === `p:${participantId}`, 4001, 'membership changed');
}

export const actions = {
	groups: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		for (const g of workshops.groups(workshop.id)) {
			const name = text(form, `name-${g.id}`);
			const colour = int(form, `colour-${g.id}`, 0, 7);
			if (!name || name.length > 40 || colour === null) return fail(400, { message: m.error_generic() });
			workshops.updateGroup(workshop.id, g.id, name, colour);
		}
		return { saved: true };
	},
	resize: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const count = int(await request.formData(), 'groups', 1, 20);
		if (count === null) return fail(400, { message: m.error_group_count() });
		workshops.resizeGroups(workshop, count);
		return { saved: true };
	},
	addActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const exercise = library.get(text(await request.formData(), 'exercise'));
		if (!exercise) return fail(400, { message: m.error_generic() });
		workshops.addActivity(workshop.id, exercise.id, exercise.kind, exercise);
		return { saved: true };
	},
	removeActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		workshops.removeActivity(workshop.id, text(await request.formData(), 'activity'));
		return { saved: true };
	},
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
		return { saved: true };
	},
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
} satisfies Actions;
