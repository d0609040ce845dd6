import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { participantCookieOptions } from '$lib/server/cookies';
import { text } from '$lib/server/forms';
import * as join from '$lib/server/join';
import * as attempts from '$lib/server/join-attempts';
import * as participants from '$lib/server/participants';
import * as device from '$lib/server/revisit-device';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params, locals, getClientAddress }) => {
	const found = join.lookup(params.code, getClientAddress());
	if (!found.ok) return { found: false as const, code: params.code.slice(0, 12), message: join.refusal(found.reason).message, ended: found.reason === 'ended' };
	const w = found.workshop;
	// Already joined from this device: straight back to the group.
	if (locals.participant?.workshopId === w.id) redirect(303, '/play');
	const people = workshops.participants(w.id);
	return {
		found: true as const,
		workshop: { title: w.title, joinCode: w.joinCode },
		attempt: attempts.newAttempt(),
		groups: workshops.groups(w.id).map((g) => ({
			id: g.id,
			name: g.name,
			colour: g.colour,
			members: people.filter((p) => p.groupId === g.id).map((p) => p.displayName)
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		const found = join.lookup(params.code, getClientAddress());
		if (!found.ok) {
			const { status, message } = join.refusal(found.reason);
			return fail(status, { name: '', message });
		}
		const w = found.workshop;
		// A repeat that already carries the first answer's cookie.
		if (locals.participant?.workshopId === w.id) redirect(303, '/play');
		const form = await request.formData();
		const name = text(form, 'name');
		const groupId = text(form, 'group');
		const attempt = text(form, 'attempt');
		if (!participants.isDisplayName(name)) return fail(400, { name, message: m.join_name_required() });
		if (!groupId || !participants.groupInWorkshop(w.id, groupId)) return fail(400, { name, message: m.join_group_required() });
		const earlier = attempts.madeBy(attempt, w.id);
		const again = earlier && participants.rejoin(w.id, earlier.participantId, name, groupId);
		const { token, participant } = again ? { token: earlier.token, participant: again } : participants.join(w.id, name, groupId);
		attempts.remember(attempt, w.id, participant.id, token);
		cookies.set(participants.COOKIE, token, participantCookieOptions(url));
		// "My workshops" on this device lists it from now on, whatever the device joins next.
		if (participant.revisitCode) device.remember(cookies, url, participant.revisitCode);
		redirect(303, '/play');
	}
} satisfies Actions;
