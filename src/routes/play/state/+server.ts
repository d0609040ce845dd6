import { json } from '@sveltejs/kit';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * What the learner's page must reload for when it changes (group, workshop status, agenda),
 * as one small fingerprint: polled cheaply, and a failed poll on flaky Wi-Fi changes nothing.
 */
export const GET: RequestHandler = ({ locals }) => {
	const p = locals.participant;
	if (!p) return json({ fingerprint: 'none' }, { headers: { 'cache-control': 'no-store' } });
	const w = workshops.get(p.workshopId);
	const agenda = workshops.activities(p.workshopId).map((a) => `${a.id}:${a.scoring}:${a.revealedAt ? 1 : 0}`).join(',');
	const locked = workshops.groups(p.workshopId).find((g) => g.id === p.groupId)?.locked ? 'locked' : 'open';
	const fingerprint = [p.groupId ?? '-', w?.status ?? '-', locked, agenda].join('|');
	return json({ fingerprint }, { headers: { 'cache-control': 'no-store' } });
};
