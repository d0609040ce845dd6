import { redirect } from '@sveltejs/kit';
import * as facilitators from '$lib/server/auth/facilitators';
import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	if (facilitators.total() === 0) redirect(303, '/setup');
	if (locals.facilitator) redirect(303, '/workshops');
	if (locals.participant) return { rejoin: true };
	return { rejoin: false };
}) satisfies PageServerLoad;
