import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as auth from '$lib/server/auth/session';
import * as db from '$lib/server/db';
import { exercisesDir } from '$lib/server/config';
import * as exercises from '$lib/server/exercises';
import * as collab from '$lib/server/collab/instance';
import * as participants from '$lib/server/participants';
import { sessionCookieOptions } from '$lib/server/cookies';

const UPGRADE = Symbol.for('huddle.upgrade');
const SHUTDOWN = Symbol.for('huddle.shutdown');

export const init: ServerInit = () => {
	db.get(); // open the database and apply migrations before the first request
	// Read the library now, so that a wrong EXERCISES_DIR or a broken file is in the log at start
	// (each file left out is named with its problem), not when someone first opens the library.
	const leftOut = new Set(exercises.problems().map((p) => p.file)).size;
	console.log(`Huddle: ${exercises.all().length} exercises from ${exercisesDir()}${leftOut ? `, ${leftOut} file(s) left out (named above)` : ''}`);
	// The production entry (scripts/serve.js) lives outside this bundle: it finds the websocket
	// handler and the shutdown routine here, so pages and collaboration share one database.
	Object.assign(globalThis, {
		[UPGRADE]: (...args: Parameters<ReturnType<typeof collab.get>['handleUpgrade']>) => collab.get().handleUpgrade(...args),
		[SHUTDOWN]: async () => {
			await collab.shutdown();
			db.close();
		}
	});
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const session: Handle = async ({ event, resolve }) => {
	event.locals.facilitator = null;
	event.locals.sessionId = null;
	event.locals.participant = null;
	const token = event.cookies.get(auth.COOKIE);
	if (token) {
		const { session, facilitator } = auth.validateSessionToken(token);
		if (session) {
			event.locals.facilitator = facilitator;
			event.locals.sessionId = session.id;
			// Sliding expiry: the cookie follows the session's new end.
			event.cookies.set(auth.COOKIE, token, sessionCookieOptions(event.url, session.expiresAt));
		} else {
			event.cookies.delete(auth.COOKIE, { path: '/' });
		}
	}
	const ptoken = event.cookies.get(participants.COOKIE);
	if (ptoken) event.locals.participant = participants.byToken(ptoken) ?? null;
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};

export const handle = sequence(headers, i18n, session);
