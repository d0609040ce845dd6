import * as guard from '$lib/server/guard';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const f = guard.facilitator(locals, url);
	const list = workshops.listForOwner(f.id).map((w) => ({
		id: w.id,
		title: w.title,
		status: w.status,
		joinCode: w.joinCode,
		scheduledFor: w.scheduledFor,
		groups: workshops.groups(w.id).length,
		participants: workshops.participants(w.id).length
	}));
	return { workshops: list };
}) satisfies PageServerLoad;
