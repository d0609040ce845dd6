import { redirect } from '@sveltejs/kit';
import { text } from '$lib/server/forms';
import * as reflections from '$lib/server/reflections';
import * as revisit from '$lib/server/revisit';
import * as device from '$lib/server/revisit-device';
import * as workshops from '$lib/server/workshops';
import { handOn } from '$lib/server/hand-on';
import { knownTimeZone, localDateTime } from '$lib/server/time-zone';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ cookies, url, locals, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	// The workshop this device is in right now counts too, even if it joined before codes existed.
	if (locals.participant) device.remember(cookies, url, revisit.codeFor(locals.participant));
	const address = getClientAddress();
	const own = locals.participant?.revisitCode ?? null;
	const items = [];
	const gone: string[] = [];
	let throttled = false;
	for (const code of device.read(cookies)) {
		const found = revisit.lookup(code, address, Date.now(), own);
		if (!found.ok) {
			// A deleted workshop (or a forged entry): drop it, so it is counted as a wrong code once.
			if (found.reason === 'wrong') gone.push(code);
			else throttled = true;
			continue;
		}
		const { participant: p, workshop: w } = found;
		const g = p.groupId ? workshops.groups(w.id).find((x) => x.id === p.groupId) : undefined;
		const r = reflections.get(p.id);
		items.push({
			code,
			title: w.title,
			status: w.status,
			// The day in the server's time zone, not UTC: a morning workshop in Beijing is not the day before.
			date: w.scheduledFor ?? localDateTime(w.createdAt.getTime(), knownTimeZone(null)).slice(0, 10),
			group: g ? { name: g.name, colour: g.colour } : null,
			name: p.displayName,
			report: r.submittedAt ? ('submitted' as const) : r.body.trim() ? ('draft' as const) : ('none' as const),
			commented: !!r.facilitatorComment
		});
	}
	if (gone.length) device.forget(cookies, url, ...gone);
	items.sort((a, b) => b.date.localeCompare(a.date));
	return { items, removed: gone.length, throttled };
}) satisfies PageServerLoad;

export const actions = {
	/**
	 * Removes a workshop from this device's list (the code itself keeps working). When it is the
	 * workshop this device is signed in to, the device also forgets that participant, as "not
	 * you?" does: otherwise the next person to pick up a shared tablet would find it listed again.
	 */
	forget: async ({ request, cookies, url, locals }) => {
		const code = revisit.normalise(text(await request.formData(), 'code'));
		const p = locals.participant;
		if (p && p.revisitCode === code) handOn(cookies, url, p);
		else device.forget(cookies, url, code);
		redirect(303, '/me');
	}
} satisfies Actions;
