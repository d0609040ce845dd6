import { redirect } from '@sveltejs/kit';
import * as recap from '$lib/server/recap';
import * as revisit from '$lib/server/revisit';
import { open } from '$lib/server/revisit-route';
import type { PageServerLoad } from './$types';

export const load = (({ params, cookies, url, getClientAddress, setHeaders, locals }) => {
	const found = open(params.code, { getClientAddress, cookies, url, locals });
	if (params.code !== found.participant.revisitCode) redirect(303, `${revisit.path(found.participant.revisitCode!)}/export`);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { recap: recap.build(found), code: found.participant.revisitCode!, url: `${url.origin}${revisit.path(found.participant.revisitCode!)}` };
}) satisfies PageServerLoad;
