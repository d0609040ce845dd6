import { json } from '@sveltejs/kit';
import * as reviews from '$lib/server/reviews';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

const ID = /^[a-z2-7]{16}$/;

/** Every reviewing pair of an activity with what was written, for the workshop's facilitator. */
export const GET: RequestHandler = ({ locals, params }) => {
	const f = locals.facilitator;
	if (!f) return json({ message: 'sign in first' }, { status: 401 });
	const act = ID.test(params.activityId) ? workshops.getActivity(params.activityId) : undefined;
	// Someone else's activity looks exactly like a missing one.
	if (!act || !workshops.getOwned(f.id, act.workshopId)) return json({ message: 'not found' }, { status: 404 });
	return json(reviews.overview(act.id), { headers: { 'cache-control': 'no-store, private' } });
};
