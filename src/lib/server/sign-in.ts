import type { Cookies } from '@sveltejs/kit';
import * as auth from './auth/session';
import { sessionCookieOptions } from './cookies';

/** Starts a session for a facilitator and sets its cookie. */
export function signIn(cookies: Cookies, url: URL, facilitatorId: string): void {
	const token = auth.generateToken();
	const s = auth.createSession(token, facilitatorId);
	cookies.set(auth.COOKIE, token, sessionCookieOptions(url, s.expiresAt));
}
