import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as roleplay from '$lib/server/roleplay';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store, private' };

const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const GroupId = v.optional(v.pipe(v.string(), v.regex(/^[a-z2-7]{16}$/)));
const Persona = v.picklist(['card', 'random', 'expressive', 'amiable', 'driver', 'analytical']);
const Body = v.variant('action', [
	v.strictObject({
		action: v.literal('start'),
		groupId: GroupId,
		round: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(roleplay.MAX_ROUNDS)),
		scenarioKey: Key,
		persona: Persona
	}),
	v.strictObject({ action: v.literal('card'), groupId: GroupId, scenarioKey: Key, persona: Persona }),
	v.strictObject({ action: v.literal('redo'), groupId: GroupId })
]);

/** The group's current round, card and everyone's role (the persona only for the facilitator). */
export const GET: RequestHandler = ({ locals, params, url }) => {
	const act = roleplay.getSpinActivity(params.activityId);
	if (!act) return json({ message: 'not found' }, { status: 404, headers: NO_STORE });
	const who = roleplay.access(locals, act, url.searchParams.get('groupId'));
	if (!who.ok) return json({ message: 'not allowed' }, { status: who.status, headers: NO_STORE });
	const viewer = who.kind === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, id: who.participantId };
	return json(roleplay.rolesState(act, who.groupId, viewer, who.canEdit), { headers: NO_STORE });
};

/** Starts the next round, changes the current card, or deals the current round again. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
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
	const body = parsed.output;
	const act = roleplay.getSpinActivity(params.activityId);
	if (!act) return json({ message: 'not found' }, { status: 404 });
	const who = roleplay.access(locals, act, body.groupId ?? null);
	if (!who.ok) return json({ message: 'not allowed' }, { status: who.status });
	if (!who.canEdit) return json({ message: 'read-only' }, { status: 403 });

	const outcome =
		body.action === 'start'
			? roleplay.startRound(act, who.groupId, body.round, body.scenarioKey, body.persona)
			: body.action === 'card'
				? roleplay.setCard(act, who.groupId, body.scenarioKey, body.persona)
				: roleplay.redoRound(act, who.groupId);
	// A round someone else already started is a conflict the client resolves by reloading.
	if (!outcome.ok) return json({ code: outcome.code }, { status: outcome.code === 'round' ? 409 : 400 });
	const viewer = who.kind === 'facilitator' ? { kind: 'facilitator' as const } : { kind: 'participant' as const, id: who.participantId };
	return json(roleplay.rolesState(act, who.groupId, viewer, who.canEdit), { headers: NO_STORE });
};
