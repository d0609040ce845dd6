import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import * as guard from '$lib/server/guard';
import { int, text } from '$lib/server/forms';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	guard.facilitator(locals, url);
	return { language: getLocale() };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		const f = guard.facilitator(locals, url);
		const form = await request.formData();
		const title = text(form, 'title');
		const language = text(form, 'language');
		const date = text(form, 'date');
		const groupCount = int(form, 'groups', 1, 20);
		const values = { title, language, date, groups: text(form, 'groups') };
		if (!title || title.length > 120) return fail(400, { ...values, message: m.error_title_required() });
		if (language !== 'zh-CN' && language !== 'en') return fail(400, { ...values, message: m.error_generic() });
		if (groupCount === null) return fail(400, { ...values, message: m.error_group_count() });
		if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(400, { ...values, message: m.error_generic() });
		const w = workshops.create(f.id, { title, language, groupCount, scheduledFor: date || null });
		redirect(303, `/workshops/${w.id}`);
	}
} satisfies Actions;
