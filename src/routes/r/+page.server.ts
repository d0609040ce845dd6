import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { text } from '$lib/server/forms';
import * as revisit from '$lib/server/revisit';
import type { Actions } from './$types';

export const actions = {
	/** Takes a typed code to its recap; /r/<code> checks it (and throttles wrong ones). */
	default: async ({ request }) => {
		const code = revisit.normalise(text(await request.formData(), 'code'));
		if (!code) return fail(400, { message: m.revisit_code_required() });
		redirect(303, revisit.path(encodeURIComponent(code)));
	}
} satisfies Actions;
