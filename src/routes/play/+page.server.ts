import { redirect } from '@sveltejs/kit';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load = (({ locals, depends }) => {
	depends('play:state');
	const p = locals.participant;
	if (!p) redirect(303, '/join');
	const w = workshops.get(p.workshopId);
	if (!w) redirect(303, '/join');
	const g = p.groupId ? workshops.groups(w.id).find((x) => x.id === p.groupId) : undefined;
	return {
		me: { id: p.id, name: p.displayName },
		workshop: { id: w.id, title: w.title, status: w.status },
		group: g ? { id: g.id, name: g.name, colour: g.colour } : null,
		activities: workshops.activities(w.id).map((a) => ({ id: a.id, kind: a.kind, definition: a.definition }))
	};
}) satisfies PageServerLoad;
