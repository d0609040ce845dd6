import { describe, expect, it } from 'vitest';
import { useTempDb } from '../testing';
import * as facilitators from './facilitators';
import * as auth from './session';
import { hashToken } from '../ids';
import * as db from '../db';
import { session } from '../db/schema';

useTempDb();

async function someone(email = `f${Math.random()}@example.com`) {
	return facilitators.create({ email, name: 'Li Na', password: 'correct horse', isAdmin: false });
}

describe('sessions', () => {
	it('stores only the SHA-256 of the token and validates the token', async () => {
		const f = await someone();
		const token = auth.generateToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		auth.createSession(token, f.id);
		const rows = db.get().select().from(session).all();
		expect(rows.some((r) => r.id === token)).toBe(false);
		expect(rows.some((r) => r.id === hashToken(token))).toBe(true);
		const v = auth.validateSessionToken(token);
		expect(v.facilitator?.id).toBe(f.id);
	});

	it('rejects an unknown token', () => {
		expect(auth.validateSessionToken(auth.generateToken()).session).toBeNull();
	});

	it('deletes an expired session', async () => {
		const f = await someone();
		const token = auth.generateToken();
		const t0 = Date.now();
		auth.createSession(token, f.id, t0);
		expect(auth.validateSessionToken(token, t0 + auth.SESSION_LIFETIME + 1).session).toBeNull();
		expect(auth.validateSessionToken(token, t0).session).toBeNull(); // gone for good
	});

	it('extends a session used in the second half of its life (sliding expiry)', async () => {
		const f = await someone();
		const token = auth.generateToken();
		const t0 = Date.now();
		const created = auth.createSession(token, f.id, t0);
		const early = auth.validateSessionToken(token, t0 + 1000);
		expect(early.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		const late = t0 + auth.SESSION_LIFETIME - 60_000;
		const renewed = auth.validateSessionToken(token, late);
		expect(renewed.session?.expiresAt.getTime()).toBe(late + auth.SESSION_LIFETIME);
	});

	it('invalidates a session on logout', async () => {
		const f = await someone();
		const token = auth.generateToken();
		const s = auth.createSession(token, f.id);
		auth.invalidateSession(s.id);
		expect(auth.validateSessionToken(token).session).toBeNull();
	});
});
