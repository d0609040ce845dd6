import type { Cookies } from '@sveltejs/kit';
import { participantCookieOptions } from './cookies';
import { isWellFormed, normalise } from './revisit';

// "My workshops" on a device without an account: an HttpOnly cookie lists the revisit codes this
// device has held, newest first. Codes rather than participant tokens: a token is the key to the
// live session and is replaced when the device joins another workshop, while the revisit code is
// the long-lived key the participant already owns (on their slip). The list is bounded, so the
// cookie stays under 400 bytes, and its codes are checked like typed ones (a forged cookie is
// just more guesses, throttled the same way).

/** The name of the device cookie. */
export const COOKIE = 'huddle_revisit';
/** How many workshops a device remembers; the oldest drop off. */
export const MAX_CODES = 30;

/** The codes this device remembers, newest first (malformed entries are ignored). */
export function read(cookies: Pick<Cookies, 'get'>): string[] {
	const raw = cookies.get(COOKIE) ?? '';
	const codes: string[] = [];
	for (const part of raw.slice(0, 2000).split('.')) {
		const code = normalise(part);
		if (isWellFormed(code) && !codes.includes(code)) codes.push(code);
		if (codes.length >= MAX_CODES) break;
	}
	return codes;
}

function write(cookies: Pick<Cookies, 'set' | 'delete'>, url: URL, codes: string[]): void {
	if (codes.length === 0) cookies.delete(COOKIE, { path: '/' });
	else cookies.set(COOKIE, codes.slice(0, MAX_CODES).join('.'), participantCookieOptions(url));
}

/** Adds a code at the front of this device's list (a no-op when it is already first). */
export function remember(cookies: Pick<Cookies, 'get' | 'set' | 'delete'>, url: URL, code: string): void {
	const codes = read(cookies);
	if (codes[0] === code) return;
	write(cookies, url, [code, ...codes.filter((c) => c !== code)]);
}

/** Removes codes from this device's list. */
export function forget(cookies: Pick<Cookies, 'get' | 'set' | 'delete'>, url: URL, ...gone: string[]): void {
	const codes = read(cookies);
	const kept = codes.filter((c) => !gone.includes(c));
	if (kept.length !== codes.length) write(cookies, url, kept);
}
