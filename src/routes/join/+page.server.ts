import { fail, redirect } from '@sveltejs/kit';
import { text } from '$lib/server/forms';
import * as join from '$lib/server/join';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await request.formData();
		const typed = text(form, 'code') || [1, 2, 3, 4, 5, 6].map((i) => text(form, `c${i}`)).join('');
		const found = join.lookup(typed, getClientAddress());
		if (!found.ok) {
			const { status, message } = join.refusal(found.reason);
			return fail(status, { code: typed.slice(0, 12), message, ended: found.reason === 'ended' });
		}
		redirect(303, `/join/${found.workshop.joinCode}`);
	}
} satisfies Actions;
