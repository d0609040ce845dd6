import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as facilitators from '$lib/server/auth/facilitators';
import * as login from '$lib/server/auth/login';
import { text } from '$lib/server/forms';
import { localPath } from '$lib/server/local-path';
import { signIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	if (facilitators.total() === 0) redirect(303, '/setup');
	if (locals.facilitator) redirect(303, '/workshops');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = text(form, 'email');
		const pw = form.get('password');
		if (!email || typeof pw !== 'string' || !pw) return fail(400, { email, message: m.login_failed() });
		const result = await login.attempt(email, pw, getClientAddress());
		if (!result.ok) {
			const status = { throttled: 429, disabled: 403, invalid: 400 }[result.reason];
			const message = { throttled: m.login_throttled, disabled: m.login_disabled, invalid: m.login_failed }[result.reason]();
			return fail(status, { email, message });
		}
		signIn(cookies, url, result.facilitatorId);
		redirect(303, localPath(url.searchParams.get('next'), url) ?? '/workshops');
	}
} satisfies Actions;
