import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as facilitators from '../../src/lib/server/auth/facilitators';
import * as db from '../../src/lib/server/db';
import { AppProcess } from './harness';
import { seed } from './seed';

// An admin looks after the accounts through /admin/facilitators: a forgotten password is reset,
// a trainer who left is turned off. Checked over HTTP against the built server.

const app = new AppProcess();
let s: Awaited<ReturnType<typeof seed>>;
let strangerId: string;

beforeAll(async () => {
	s = await seed(app.dbPath);
	process.env.DATABASE_PATH = app.dbPath;
	strangerId = facilitators.byEmail('other@example.com')!.id;
	db.close();
	await app.start();
});

afterAll(async () => {
	db.close();
	await app.stop('SIGKILL');
	app.cleanup();
});

/** Posts a form action as the browser's enhanced form does. */
async function post(path: string, cookie: string, fields: Record<string, string>) {
	const res = await fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: app.url, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' },
		body: new URLSearchParams(fields)
	});
	return { status: res.status, body: (await res.json()) as { type: string; status: number; data?: string }, cookies: res.headers.getSetCookie() };
}

const login = (email: string, password: string) => post('/login', '', { email, password });
/** Whether a session cookie still opens the workshop list. */
const signedIn = async (cookie: string) => (await fetch(`${app.url}/workshops`, { headers: { cookie }, redirect: 'manual' })).status === 200;
const admin = (action: string, fields: Record<string, string>, cookie = s.facilitator) => post(`/admin/facilitators?/${action}`, cookie, fields);

describe('accounts, as an admin looks after them', () => {
	it('refuses every account action to a facilitator who is not an admin', async () => {
		for (const action of ['reset', 'disable', 'enable', 'add']) {
			const res = await admin(action, { id: strangerId, password: 'new-password-1', name: 'x', email: 'x@example.com' }, s.strangerFacilitator);
			expect(res.body.type, action).toBe('error');
			expect(res.status, action).toBe(403);
		}
		expect(await signedIn(s.strangerFacilitator)).toBe(true);
	});

	it('resets a forgotten password: the old one and every open session stop working', async () => {
		expect((await admin('reset', { id: strangerId, password: 'short' })).body.type).toBe('failure');
		const res = await admin('reset', { id: strangerId, password: 'new-password-1' });
		expect(res.body.type).toBe('success');
		expect(res.body.data).toContain('other@example.com');
		expect(await signedIn(s.strangerFacilitator)).toBe(false);
		expect((await login('other@example.com', 'password1')).body.type).toBe('failure');
		expect((await login('other@example.com', 'new-password-1')).body.type).toBe('redirect');
	});

	it('an admin resetting their own password stays signed in on this device', async () => {
		const res = await admin('reset', { id: ownerId(), password: 'owner-password-2' });
		expect(res.body.type).toBe('success');
		const fresh = res.cookies.find((c) => c.startsWith('huddle_session='))!.split(';')[0];
		expect(await signedIn(s.facilitator)).toBe(false);
		expect(await signedIn(fresh)).toBe(true);
		s.facilitator = fresh;
	});

	it('turns a trainer who left off, and back on', async () => {
		const session = (await login('other@example.com', 'new-password-1')).cookies.find((c) => c.startsWith('huddle_session='))!.split(';')[0];
		expect(await signedIn(session)).toBe(true);
		const off = await admin('disable', { id: strangerId });
		expect(off.body.type).toBe('success');
		expect(await signedIn(session)).toBe(false);
		// The right password now says why, the wrong one says nothing more than before.
		const refused = await login('other@example.com', 'new-password-1');
		expect(refused.body).toMatchObject({ type: 'failure', status: 403 });
		expect(JSON.stringify(refused.body.data)).toContain('停用');
		expect(JSON.stringify((await login('other@example.com', 'wrong-password')).body.data)).not.toContain('停用');
		expect((await admin('enable', { id: strangerId })).body.type).toBe('success');
		expect((await login('other@example.com', 'new-password-1')).body.type).toBe('redirect');
	});

	it('will not turn off the admin themself, nor an account that is not there', async () => {
		expect((await admin('disable', { id: ownerId() })).body).toMatchObject({ type: 'failure', status: 400 });
		expect((await admin('disable', { id: 'nobody' })).body).toMatchObject({ type: 'failure', status: 404 });
		expect((await admin('reset', { id: 'nobody', password: 'new-password-1' })).body).toMatchObject({ type: 'failure', status: 404 });
		expect(await signedIn(s.facilitator)).toBe(true);
	});
});

/** The admin's id, read from the test's database. */
function ownerId(): string {
	return facilitators.byEmail('owner@example.com')!.id;
}
