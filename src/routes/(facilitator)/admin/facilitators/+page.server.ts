import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as facilitators from '$lib/server/auth/facilitators';
import * as password from '$lib/server/auth/password';
import { isEmail, text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import { signIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const me = guard.admin(locals, url);
	return {
		me: me.id,
		facilitators: facilitators.list().map((f) => ({ ...f, disabled: f.disabled !== null, createdAt: f.createdAt.getTime() }))
	};
}) satisfies PageServerLoad;

/** The account a row's form names, if it exists. */
function target(form: FormData) {
	return facilitators.byId(text(form, 'id')) ?? null;
}

export const actions = {
	add: async ({ locals, url, request }) => {
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
	},
	/** Sets a new password for an account (a forgotten one), signing it out everywhere. */
	reset: async ({ locals, url, request, cookies }) => {
		const me = guard.admin(locals, url);
		const form = await request.formData();
		const row = target(form);
		if (!row) return fail(404, { rowMessage: m.admin_no_such(), row: text(form, 'id') });
		const pw = form.get('password');
		if (typeof pw !== 'string' || !password.acceptable(pw)) return fail(400, { rowMessage: m.error_password_short(), row: row.id });
		await facilitators.setPassword(row.id, pw);
		// An admin changing their own password stays signed in here (with a fresh session).
		if (row.id === me.id) signIn(cookies, url, me.id);
		return { done: m.admin_reset_done({ email: row.email }) };
	},
	/** Turns an account off: a trainer who left can no longer sign in; their workshops stay. */
	disable: async ({ locals, url, request }) => {
		const me = guard.admin(locals, url);
		const form = await request.formData();
		const row = target(form);
		if (!row) return fail(404, { rowMessage: m.admin_no_such(), row: text(form, 'id') });
		if (row.id === me.id) return fail(400, { rowMessage: m.admin_not_self(), row: row.id });
		try {
			facilitators.setDisabled(row.id, true);
		} catch (error) {
			if (error instanceof facilitators.LastAdmin) return fail(409, { rowMessage: m.admin_last_admin(), row: row.id });
			throw error;
		}
		return { done: m.admin_disabled_done({ email: row.email }) };
	},
	enable: async ({ locals, url, request }) => {
		guard.admin(locals, url);
		const form = await request.formData();
		const row = target(form);
		if (!row) return fail(404, { rowMessage: m.admin_no_such(), row: text(form, 'id') });
		facilitators.setDisabled(row.id, false);
		return { done: m.admin_enabled_done({ email: row.email }) };
	}
} satisfies Actions;
