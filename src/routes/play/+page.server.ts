import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { PRESENCE_COLOURS } from '$lib/groups';
import { int, text } from '$lib/server/forms';
import * as participants from '$lib/server/participants';
import * as workshops from '$lib/server/workshops';
import * as roleplay from '$lib/server/roleplay';
import * as scoring from '$lib/server/scoring';
import * as device from '$lib/server/revisit-device';
import { slip } from '$lib/server/revisit-slip';
import { handOn } from '$lib/server/hand-on';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, depends, url, cookies }) => {
	depends('play:state');
	const p = locals.participant;
	if (!p) redirect(303, '/join');
	const w = workshops.get(p.workshopId);
	if (!w) redirect(303, '/join');
	const g = p.groupId ? workshops.groups(w.id).find((x) => x.id === p.groupId) : undefined;
	// The personal revisit code, shown at the end and any time from the bar; "my workshops" lists it.
	const revisit = await slip(p, url.origin);
	device.remember(cookies, url, revisit.code);
	return {
		revisit,
		me: { id: p.id, name: p.displayName, colour: p.colour },
		workshop: { id: w.id, title: w.title, status: w.status },
		group: g ? { id: g.id, name: g.name, colour: g.colour } : null,
		// Hidden role-play briefs never reach tablets: only /api/activities/[id]/brief serves them, to the customer.
		activities: workshops.activities(w.id).map((a) => ({ id: a.id, kind: a.kind, definition: roleplay.publicDefinition(a.kind, a.definition) })),
		// Peer scoring: per activity, whether it is open and whether groups score each other at all.
		scoring: Object.fromEntries(
			workshops.activities(w.id).map((a) => [a.id, { state: a.scoring, peer: (scoring.rubricOf(a.definition)?.peer_weight ?? 0) > 0 }])
		) as Record<string, { state: 'pending' | 'open' | 'closed'; peer: boolean }>,
		otherGroups: workshops.groups(w.id).filter((x) => x.id !== p.groupId).map((x) => ({ id: x.id, name: x.name, colour: x.colour }))
	};
}) satisfies PageServerLoad;

export const actions = {
	/** The participant's own display name and presence colour ('' for the group's colour). */
	profile: async ({ locals, request }) => {
		const p = locals.participant;
		if (!p) redirect(303, '/join');
		const form = await request.formData();
		const name = text(form, 'name');
		if (!participants.isDisplayName(name)) return fail(400, { profile: m.join_name_required() });
		const raw = text(form, 'colour');
		const colour = raw === '' ? null : int(form, 'colour', 0, PRESENCE_COLOURS - 1);
		if (raw !== '' && colour === null) return fail(400, { profile: m.me_colour_invalid() });
		participants.setProfile(p.workshopId, p.id, { name, colour });
		return { saved: true };
	},
	/**
	 * "Not you?": the device is handed to someone else. It forgets this participant (their cookie,
	 * and their workshop in "my workshops") and opens the join form; the participant stays in the
	 * workshop and their revisit code keeps working.
	 */
	leave: async ({ locals, cookies, url }) => {
		const p = locals.participant;
		if (!p) redirect(303, '/join');
		handOn(cookies, url, p);
		const w = workshops.get(p.workshopId);
		redirect(303, w ? `/join/${w.joinCode}` : '/join');
	}
} satisfies Actions;
