import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as recap from '$lib/server/recap';
import * as reflections from '$lib/server/reflections';
import * as revisit from '$lib/server/revisit';
import { open } from '$lib/server/revisit-route';
import { slip } from '$lib/server/revisit-slip';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, cookies, url, getClientAddress, setHeaders, locals }) => {
	const found = open(params.code, { getClientAddress, cookies, url, locals });
	// One address per recap: a typed lower-case or dashed code lands on the canonical link.
	if (params.code !== found.participant.revisitCode) redirect(303, revisit.path(found.participant.revisitCode!));
	// The page holds a personal report: never from a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { recap: recap.build(found), slip: await slip(found.participant, url.origin) };
}) satisfies PageServerLoad;

export const actions = {
	/** Saves the text as it is on screen, then submits it (works without JavaScript too). */
	submit: async ({ params, request, cookies, url, getClientAddress, locals }) => {
		const { participant, workshop } = open(params.code, { getClientAddress, cookies, url, locals });
		const form = await request.formData();
		const body = form.get('body');
		if (typeof body === 'string') {
			const text = body.replace(/\r\n/g, '\n');
			const base = Number(form.get('base'));
			const saved = reflections.save(participant.id, text, new Date(), Number.isFinite(base) && form.has('base') ? base : undefined);
			if (!saved.ok && saved.reason === 'too-long') return fail(413, { message: m.revisit_report_too_long() });
			if (!saved.ok && saved.reason === 'conflict') return fail(409, { message: m.revisit_report_conflict() });
			// Submitted meanwhile (another tab): this text was not stored, so do not say it was sent.
			if (!saved.ok && saved.reason === 'submitted' && reflections.get(participant.id).body !== text) {
				return fail(409, { message: m.revisit_report_locked() });
			}
		}
		const result = reflections.submit(participant.id, workshop.reportTarget);
		if (!result.ok) return fail(400, { message: m.revisit_report_short({ missing: result.missing }) });
		return { submitted: true };
	},
	/** Takes a submitted report back for changes, until the facilitator has commented. */
	reopen: async ({ params, cookies, url, getClientAddress, locals }) => {
		const { participant } = open(params.code, { getClientAddress, cookies, url, locals });
		if (!reflections.reopen(participant.id)) return fail(409, { message: m.revisit_report_commented() });
		return { reopened: true };
	}
} satisfies Actions;
