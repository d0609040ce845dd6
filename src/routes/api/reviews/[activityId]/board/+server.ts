import { json } from '@sveltejs/kit';
import * as reviews from '$lib/server/reviews';
import type { RequestHandler } from './$types';

const ID = /^[a-z2-7]{16}$/;

/**
 * The board the participant's group reviews, as one encoded Yjs update, read-only: served only
 * to members of the assigned reviewing group, never through a socket that could write.
 */
export const GET: RequestHandler = ({ locals, params }) => {
	const p = locals.participant;
	if (!p) return json({ message: 'join the workshop first' }, { status: 401 });
	if (!ID.test(params.activityId)) return json({ message: 'not found' }, { status: 404 });
	const state = reviews.targetBoard(params.activityId, p);
	if (!state) return json({ message: 'not allowed' }, { status: 403 });
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'no-store, private' }
	});
};
