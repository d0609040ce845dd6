import * as guard from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const f = guard.facilitator(locals, url);
	return { me: { name: f.name, isAdmin: f.isAdmin } };
}) satisfies LayoutServerLoad;
