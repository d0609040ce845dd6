import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as facilitators from '$lib/server/auth/facilitators';
import * as password from '$lib/server/auth/password';
import { isEmail, text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	guard.admin(locals, url);
	return { facilitators: facilitators.list() };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		guard.admin(locals, url);
		const form = await request.formData();
		const name = text(form, 'name');
		const email = text(form, 'email');
		const pw = form.get('password');
		const values = { name, email };
		if (!name || name.length > 80) return fail(400, { ...values, message: m.error_name_required() });
		if (!isEmail(email)) return fail(400, { ...values, message: m.error_email_invalid() });
		if (typeof pw !== 'string' || !password.acceptable(pw)) return fail(400, { ...values, message: m.error_password_short() });
		try {
			await facilitators.create({ name, email, password: pw, isAdmin: form.get('admin') === 'on' });
		} catch (error) {
			if (error instanceof facilitators.EmailTaken) return fail(409, { ...values, message: m.error_email_taken() });
			throw error;
		}
		return { added: email };
	}
} satisfies Actions;
