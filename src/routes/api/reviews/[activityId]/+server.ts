import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as reviews from '$lib/server/reviews';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store, private' };
const ID = /^[a-z2-7]{16}$/;
const Body = v.strictObject({
	// Longer texts are refused rather than cut, so nobody loses the end of what they typed unknowingly.
	body: v.pipe(v.string(), v.maxLength(reviews.MAX_REVIEW)),
	targetGroupId: v.optional(v.pipe(v.string(), v.regex(ID)))
});

/** Status codes for the reasons a review is not saved. */
const STATUS: Record<reviews.Refusal, number> = {
	'not-found': 404,
	'no-group': 403,
	'no-target': 409,
	moved: 409,
	locked: 403,
	released: 409,
	ended: 403
};

/** The participant's group's review duties: whom it reviews, what it wrote, what it received (once released). */
export const GET: RequestHandler = ({ locals, params }) => {
	const p = locals.participant;
	if (!p) return json({ message: 'join the workshop first' }, { status: 401, headers: NO_STORE });
	const view = ID.test(params.activityId) ? reviews.forParticipant(params.activityId, p) : null;
	if (!view) return json({ message: 'not found' }, { status: 404, headers: NO_STORE });
	return json(view, { headers: NO_STORE });
};

/** Saves the review the participant's group writes of its assigned target. */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const p = locals.participant;
	if (!p) return json({ message: 'join the workshop first' }, { status: 401 });
	if (!ID.test(params.activityId)) return json({ message: 'not found' }, { status: 404 });
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
	const result = reviews.write(params.activityId, p, parsed.output.body, parsed.output.targetGroupId);
	if (!result.ok) return json({ code: result.reason }, { status: STATUS[result.reason] });
	return json({ updatedAt: result.updatedAt }, { headers: NO_STORE });
};
