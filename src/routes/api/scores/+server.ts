import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as scoring from '$lib/server/scoring';
import { localize } from '$lib/exercises/schema';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const Id = v.pipe(v.string(), v.regex(/^[a-z2-7]{16}$/));
const As = v.picklist(['facilitator', 'group']);

/** A score as the forms send it; the rubric checks come after, in the scoring module. */
const Body = v.object({
	activityId: Id,
	groupId: Id,
	as: As,
	marks: v.record(v.string(), v.unknown()),
	comments: v.optional(v.record(v.string(), v.unknown())),
	comment: v.optional(v.string()),
	replace: v.optional(v.boolean())
});

const NO_STORE = { 'cache-control': 'no-store' };

/** Who is asking, for the role the form says it scores as; null when that role is not theirs. */
function scorer(locals: App.Locals, as: 'facilitator' | 'group'): scoring.Scorer | null {
	if (as === 'facilitator') return locals.facilitator ? { kind: 'facilitator', facilitatorId: locals.facilitator.id } : null;
	return locals.participant ? { kind: 'group', participantId: locals.participant.id } : null;
}

/** GET ?activity=<id>&as=facilitator|group: the rubric, the groups to score and the caller's scores. */
export const GET: RequestHandler = ({ locals, url }) => {
	const activityId = v.safeParse(Id, url.searchParams.get('activity'));
	const as = v.safeParse(As, url.searchParams.get('as'));
	if (!activityId.success || !as.success) error(400, scoring.errorMessage({ code: 'invalid' }));
	const who = scorer(locals, as.output);
	if (!who) error(404, scoring.errorMessage({ code: 'not_found' }));
	const view = scoring.scoringView(activityId.output, who.kind === 'facilitator' ? { facilitatorId: who.facilitatorId } : { participantId: who.participantId });
	if (!view) error(404, scoring.errorMessage({ code: 'not_found' }));
	return json(view, { headers: NO_STORE });
};

/** POST a score (JSON). 200 with the stored score, or an error status with `{ message, code }`. */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return json({ message: scoring.errorMessage({ code: 'invalid' }), code: 'invalid' }, { status: 415 });
	}
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return json({ message: scoring.errorMessage({ code: 'invalid' }), code: 'invalid' }, { status: 400 });
	}
	const body = v.safeParse(Body, raw);
	if (!body.success) return json({ message: scoring.errorMessage({ code: 'invalid' }), code: 'invalid' }, { status: 400 });
	const who = scorer(locals, body.output.as);
	if (!who) return json({ message: scoring.errorMessage({ code: 'not_found' }), code: 'not_found' }, { status: 404 });

	const result = scoring.submit({ ...body.output, scorer: who });
	if (!result.ok) {
		const titles = criterionTitles(body.output.activityId);
		return json({ message: scoring.errorMessage(result.error, (k) => titles.get(k) ?? k), code: result.error.code }, { status: scoring.errorStatus(result.error) });
	}
	const s = result.value.score;
	const submitter = who.kind === 'facilitator' ? (locals.facilitator?.name ?? null) : (locals.participant?.displayName ?? null);
	return json(
		{ created: result.value.created, score: { marks: s.marks, comments: s.comments, comment: s.comment, updatedAt: s.updatedAt.getTime(), submitter } },
		{ headers: NO_STORE }
	);
};

function criterionTitles(activityId: string): Map<string, string> {
	const locale = getLocale();
	const rubric = scoring.rubricOfActivity(activityId);
	return new Map((rubric?.criteria ?? []).map((c) => [c.key, localize(c.title, locale)]));
}
