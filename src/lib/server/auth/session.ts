import { eq } from 'drizzle-orm';
import * as db from '../db';
import { facilitator, session } from '../db/schema';
import { hashToken, newToken } from '../ids';

const DAY = 24 * 60 * 60 * 1000;
/** A session lives 30 days and is extended when used in its last 15 (sliding expiry). */
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_WITHIN = 15 * DAY;

/** The name of the facilitator session cookie. */
export const COOKIE = 'huddle_session';

export type SessionUser = { id: string; email: string; name: string; isAdmin: boolean };
export type Validated =
	| { session: { id: string; expiresAt: Date }; facilitator: SessionUser }
	| { session: null; facilitator: null };

/** A new random session token (what goes into the cookie). */
export function generateToken(): string {
	return newToken();
}

/** Stores a session for `token`; only the token's SHA-256 is kept. */
export function createSession(token: string, facilitatorId: string, now = Date.now()) {
	const row = { id: hashToken(token), facilitatorId, expiresAt: new Date(now + SESSION_LIFETIME) };
	db.get().insert(session).values(row).run();
	return row;
}

/** Looks a token up: expired sessions are deleted, sessions near expiry are extended. */
export function validateSessionToken(token: string, now = Date.now()): Validated {
	const id = hashToken(token);
	const row = db
		.get()
		.select({ session, facilitator })
		.from(session)
		.innerJoin(facilitator, eq(session.facilitatorId, facilitator.id))
		.where(eq(session.id, id))
		.get();
	// A turned-off account's sessions are ended when it is turned off; this covers any left over.
	if (!row || row.facilitator.disabledAt) return { session: null, facilitator: null };
	let expiresAt = row.session.expiresAt;
	if (now >= expiresAt.getTime()) {
		db.get().delete(session).where(eq(session.id, id)).run();
		return { session: null, facilitator: null };
	}
	if (now >= expiresAt.getTime() - RENEW_WITHIN) {
		expiresAt = new Date(now + SESSION_LIFETIME);
		db.get().update(session).set({ expiresAt }).where(eq(session.id, id)).run();
	}
	const f = row.facilitator;
	return {
		session: { id, expiresAt },
		facilitator: { id: f.id, email: f.email, name: f.name, isAdmin: f.isAdmin }
	};
}

/** Ends one session (logout). */
export function invalidateSession(sessionId: string): void {
	db.get().delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a facilitator (e.g. after a password change). */
export function invalidateAllSessions(facilitatorId: string): void {
	db.get().delete(session).where(eq(session.facilitatorId, facilitatorId)).run();
}
