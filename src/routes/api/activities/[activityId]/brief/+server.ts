import { json } from '@sveltejs/kit';
import * as roleplay from '$lib/server/roleplay';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store, private' };

/**
 * The hidden customer brief of a group's current round. A participant gets it only while they
 * are that round's customer (403 otherwise); the workshop's facilitator names the group with
 * `?groupId=` and may read any group's.
 */
export const GET: RequestHandler = ({ locals, params, url }) => {
	const act = roleplay.getSpinActivity(params.activityId);
	if (!act) return json({ message: 'not found' }, { status: 404, headers: NO_STORE });
	const who = roleplay.access(locals, act, url.searchParams.get('groupId'));
	if (!who.ok) return json({ message: 'not allowed' }, { status: who.status, headers: NO_STORE });
	const brief =
		who.kind === 'facilitator'
			? roleplay.currentBrief(act, who.groupId)
			: roleplay.briefFor(act, who.groupId, who.participantId);
	if (!brief) {
		// Nothing to show the facilitator yet is not a refusal; for a participant it is.
		return who.kind === 'facilitator'
			? json({ brief: null }, { headers: NO_STORE })
			: json({ message: 'only the customer of this round sees the brief' }, { status: 403, headers: NO_STORE });
	}
	return json({ brief }, { headers: NO_STORE });
};
