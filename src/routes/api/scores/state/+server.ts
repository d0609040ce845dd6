import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as scoring from '$lib/server/scoring';
import type { RequestHandler } from './$types';

const Body = v.object({
	activityId: v.pipe(v.string(), v.regex(/^[a-z2-7]{16}$/)),
	action: v.picklist(['open', 'close', 'reveal'])
});

/** POST { activityId, action: open|close|reveal }: the facilitator drives an activity's scoring. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const invalid = () => json({ message: scoring.errorMessage({ code: 'invalid' }), code: 'invalid' }, { status: 400 });
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return invalid();
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return invalid();
	}
	const body = v.safeParse(Body, raw);
	if (!body.success) return invalid();
	// Only the owner of the workshop; everyone else learns nothing about the activity.
	const result = locals.facilitator ? scoring.control(locals.facilitator.id, body.output.activityId, body.output.action) : null;
	if (!result || !result.ok) return json({ message: scoring.errorMessage({ code: 'not_found' }), code: 'not_found' }, { status: 404 });
	return json({ scoring: result.value.scoring, revealedAt: result.value.revealedAt?.getTime() ?? null }, { headers: { 'cache-control': 'no-store' } });
};
