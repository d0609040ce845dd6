import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as reflections from '$lib/server/reflections';
import { open } from '$lib/server/revisit-route';
import type { RequestHandler } from './$types';

// Autosave of the learning report: `{ "body": "…" }`, as JSON or as text (what sendBeacon sends
// when the page closes). The body size is bounded by BODY_SIZE_LIMIT before we read it.
const Draft = v.object({
	body: v.pipe(v.string(), v.maxLength(200_000)),
	// When the server stored the text the edit started from (see reflections.save).
	base: v.optional(v.pipe(v.number(), v.finite()))
});
const NO_STORE = { 'cache-control': 'no-store' };

export const POST = (async ({ params, request, cookies, url, getClientAddress, locals }) => {
	const { participant } = open(params.code, { getClientAddress, cookies, url, locals });
	let parsed: v.InferOutput<typeof Draft>;
	try {
		parsed = v.parse(Draft, JSON.parse(await request.text()));
	} catch {
		error(400, 'expected {"body": string}');
	}
	const result = reflections.save(participant.id, parsed.body.replace(/\r\n/g, '\n'), new Date(), parsed.base);
	if (result.ok) return json({ updatedAt: result.updatedAt.getTime() }, { headers: NO_STORE });
	if (result.reason === 'conflict') {
		return json({ reason: 'conflict', body: result.body, updatedAt: result.updatedAt.getTime() }, { status: 409, headers: NO_STORE });
	}
	if (result.reason === 'submitted') return json({ reason: 'submitted' }, { status: 409, headers: NO_STORE });
	error(413, result.reason);
}) satisfies RequestHandler;
