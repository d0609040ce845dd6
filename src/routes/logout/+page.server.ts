import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: ({ locals, cookies }) => {
		if (locals.sessionId) auth.invalidateSession(locals.sessionId);
		cookies.delete(auth.COOKIE, { path: '/' });
		redirect(303, '/login');
	}
} satisfies Actions;
