import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, type SeededApp } from './lib/app';
import { contentSecurityPolicy, cookieFlags, joinCodeGuessing, loginBruteForce, loginsFromOneAddress, markupRendersAsText, oversizedPost, websocketDoors } from './lib/abuse';

const TLS_ORIGIN = 'https://huddle.example';
const shapes = [
	{ groups: 2, tabletsPerGroup: 1 },
	{ groups: 1, tabletsPerGroup: 1 }
];

describe('abuse, over HTTP against the built server', () => {
	let plain: SeededApp;
	let tls: SeededApp;
	beforeAll(async () => {
		[plain, tls] = await Promise.all([seededApp(shapes), seededApp(shapes, { ORIGIN: TLS_ORIGIN })]);
	}, 60_000);
	afterAll(async () => {
		await Promise.all([plain?.cleanup(), tls?.cleanup()]);
	});

	it('throttles password guessing per account after 5 failures, even for the right password', async () => {
		const r = await loginBruteForce(plain);
		expect(r.triesBeforeThrottle).toBe(5);
		expect(r.rightPasswordWhileThrottled).toBe(429);
	});

	it('lets only the right people through the websocket door', async () => {
		const r = await websocketDoors(plain);
		expect(r).toEqual({ ownTablet: 101, foreignOrigin: 403, otherWorkshopParticipant: 403, otherWorkshopFacilitator: 403, otherGroupParticipant: 403, noCookie: 401 });
		const behindTls = await websocketDoors(tls, TLS_ORIGIN);
		expect(behindTls.ownTablet).toBe(101);
		expect(behindTls.foreignOrigin).toBe(403);
	});

	it('renders names that are markup as text in server-rendered HTML', async () => {
		const r = await markupRendersAsText(plain);
		expect(r.joins).toEqual([303, 303]);
		expect(r.rawPayloadInHtml).toBe(false);
		expect(r.escapedPayloadInHtml).toBe(true);
	});

	it('refuses a form post over the body size limit', async () => {
		expect((await oversizedPost(plain)).status).toBe(413);
	});

	it('sends a Content-Security-Policy that allows no foreign origin', async () => {
		const r = await contentSecurityPolicy(plain);
		expect(r.csp).toMatch(/default-src 'self'/);
		expect(r.foreign).toEqual([]);
	});

	it('sets session and participant cookies HttpOnly, SameSite and Secure behind TLS', async () => {
		const r = await cookieFlags(tls, TLS_ORIGIN);
		expect(r.loginStatus).toBe(303);
		expect(r.joinStatus).toBe(303);
		for (const c of [r.session, r.participant]) {
			expect(c).toMatchObject({ httpOnly: true, secure: true });
			expect(c.sameSite).toMatch(/Lax|Strict/);
		}
	});
	// After the cookie check, which signs in on the same app: this ends with the address throttled.
	it('counts only failed sign-ins per address: 40 trainers behind one address get in, 30 wrong passwords stop it', { timeout: 60_000 }, async () => {
		const r = await loginsFromOneAddress(tls, TLS_ORIGIN);
		expect(r.rightStatuses.every((s) => s === 303)).toBe(true);
		expect(r.failuresBeforeThrottle).toBe(30);
		expect(r.wrongStatuses.slice(0, 30).every((s) => s === 400)).toBe(true);
		expect(r.wrongStatuses.slice(30).every((s) => s === 429)).toBe(true);
		expect(r.rightWhileThrottled).toBe(429);
	});

	// Last: once this address is throttled, the server answers it nothing, so later joins would fail.
	it('throttles join-code guessing after 20 wrong codes per address, then refuses even the right code', { timeout: 60_000 }, async () => {
		const r = await joinCodeGuessing(plain);
		expect(r.wrongBeforeThrottle).toBe(20);
		expect(r.statuses.slice(20).every((s) => s === 429)).toBe(true);
		expect(r.rightCodeWhileThrottled).toBe(429);
	});
});
