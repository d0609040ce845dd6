import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as facilitators from '$lib/server/auth/facilitators';
import * as password from '$lib/server/auth/password';
import { isEmail, text } from '$lib/server/forms';
import { signIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	if (facilitators.total() > 0) redirect(303, '/login');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const name = text(form, 'name');
		const email = text(form, 'email');
		const pw = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
		const values = { name, email };
		if (facilitators.total() > 0) return fail(409, { ...values, message: m.error_setup_done() });
		if (!name || name.length > 80) return fail(400, { ...values, message: m.error_name_required() });
		if (!isEmail(email)) return fail(400, { ...values, message: m.error_email_invalid() });
		if (!password.acceptable(pw)) return fail(400, { ...values, message: m.error_password_short() });
		let row;
		try {
			row = await facilitators.create({ name, email, password: pw, isAdmin: true, first: true });
		} catch (error) {
			// Someone else completed the set-up while this one was on its way.
			if (error instanceof facilitators.NotFirst || error instanceof facilitators.EmailTaken) {
				return fail(409, { ...values, message: m.error_setup_done() });
			}
			throw error;
		}
		signIn(cookies, url, row.id);
		redirect(303, '/workshops');
	}
} satisfies Actions;
