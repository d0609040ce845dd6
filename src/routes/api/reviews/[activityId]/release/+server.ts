import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as reviews from '$lib/server/reviews';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

const ID = /^[a-z2-7]{16}$/;
const Body = v.strictObject({ released: v.boolean() });

/** Releases the crosswise reviews to the reviewed groups (`{ released: true }`) or takes them back. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const f = locals.facilitator;
	if (!f) return json({ message: 'sign in first' }, { status: 401 });
	const act = ID.test(params.activityId) ? workshops.getActivity(params.activityId) : undefined;
	if (!act || !workshops.getOwned(f.id, act.workshopId)) return json({ message: 'not found' }, { status: 404 });
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return json({ message: 'expected JSON' }, { status: 415 });
	}
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return json({ message: 'invalid JSON' }, { status: 400 });
	}
	const parsed = v.safeParse(Body, raw);
	if (!parsed.success) return json({ message: 'invalid request' }, { status: 400 });
	reviews.setReleased(act.id, parsed.output.released);
	return json(reviews.overview(act.id), { headers: { 'cache-control': 'no-store, private' } });
};
