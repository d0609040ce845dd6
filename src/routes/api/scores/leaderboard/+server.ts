import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as scoring from '$lib/server/scoring';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

const Id = v.pipe(v.string(), v.regex(/^[a-z2-7]{16}$/));

/**
 * GET ?workshop=<id>[&activity=<id>][&revealed=1]: the leaderboard. The workshop's facilitator
 * sees every activity (or only revealed ones with revealed=1, as the projector asks); its
 * participants see revealed activities only; anyone else gets 404.
 */
export const GET: RequestHandler = ({ locals, url }) => {
	const workshopId = v.safeParse(Id, url.searchParams.get('workshop'));
	const activityParam = url.searchParams.get('activity');
	const activityId = activityParam === null ? null : v.safeParse(Id, activityParam);
	if (!workshopId.success || (activityId && !activityId.success)) error(400, scoring.errorMessage({ code: 'invalid' }));
	const owner = !!locals.facilitator && !!workshops.getOwned(locals.facilitator.id, workshopId.output);
	const member = locals.participant?.workshopId === workshopId.output;
	if (!owner && !member) error(404, scoring.errorMessage({ code: 'not_found' }));
	const revealedOnly = !owner || url.searchParams.get('revealed') === '1';
	const board = scoring.leaderboard(workshopId.output, { revealedOnly, activityId: activityId?.output });
	return json({ ...board, facilitator: owner, revealedOnly }, { headers: { 'cache-control': 'no-store' } });
};
