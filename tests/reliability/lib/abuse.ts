// Abuse checks against the built server over HTTP and websockets. Each returns what it measured;
// the tests assert on it and the reliability runner reports it.
import WebSocket from 'ws';
import type { SeededApp } from './app';

/** HTTP status of a websocket upgrade (101 when it opened). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(url, { headers, perMessageDeflate: false });
		ws.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', () => resolve(0));
	});
}

/** POSTs a form like a browser (same-origin `Origin`), without following redirects. */
export function postForm(app: SeededApp, path: string, fields: Record<string, string>, headers: Record<string, string> = {}, origin = app.server.url) {
	return fetch(app.server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString()
	});
}

/** Wrong join codes from one address: how many get a plain "wrong" before 429, and whether the right code still works. */
export async function joinCodeGuessing(app: SeededApp, attempts = 25) {
	const statuses: number[] = [];
	const real = app.classes[0].joinCode;
	for (let i = 0; i < attempts; i++) {
		// Well-formed codes that are not the workshop's (the alphabet has no 0/1/O/I: these are wrong).
		const guess = `ZZZZ${String.fromCharCode(65 + (i % 26))}${i % 2 ? 'X' : 'Y'}`;
		const res = await postForm(app, '/join', { code: guess === real ? 'ZZZZZZ' : guess });
		await res.arrayBuffer();
		statuses.push(res.status);
	}
	const allowedWrong = statuses.findIndex((s) => s === 429);
	const right = await postForm(app, '/join', { code: real });
	await right.arrayBuffer();
	return { statuses, wrongBeforeThrottle: allowedWrong < 0 ? attempts : allowedWrong, rightCodeWhileThrottled: right.status };
}

/** Wrong passwords for one account: how many are tried before 429, and whether the right one is then refused too. */
export async function loginBruteForce(app: SeededApp, email = 'bench0@example.com', attempts = 8) {
	const statuses: number[] = [];
	for (let i = 0; i < attempts; i++) {
		const res = await postForm(app, '/login', { email, password: `wrong-${i}` });
		await res.arrayBuffer();
		statuses.push(res.status);
	}
	const right = await postForm(app, '/login', { email, password: 'bench-password-1' });
	await right.arrayBuffer();
	const firstThrottled = statuses.findIndex((s) => s === 429);
	return { statuses, triesBeforeThrottle: firstThrottled < 0 ? attempts : firstThrottled, rightPasswordWhileThrottled: right.status };
}

/**
 * Sign-ins from one address: `successes` right passwords on one account (a training centre behind
 * one NAT), then wrong passwords on accounts that do not exist until the address is throttled.
 */
export async function loginsFromOneAddress(app: SeededApp, origin: string, successes = 40, failures = 35) {
	const sign = async (email: string, password: string) => {
		const res = await postForm(app, '/login', { email, password }, {}, origin);
		await res.arrayBuffer();
		return res.status;
	};
	const rightStatuses: number[] = [];
	for (let i = 0; i < successes; i++) rightStatuses.push(await sign('bench0@example.com', 'bench-password-1'));
	const wrongStatuses: number[] = [];
	for (let i = 0; i < failures; i++) wrongStatuses.push(await sign(`nobody${i}@example.com`, `wrong-${i}`));
	const firstThrottled = wrongStatuses.findIndex((s) => s === 429);
	return {
		rightStatuses,
		failuresBeforeThrottle: firstThrottled < 0 ? failures : firstThrottled,
		wrongStatuses,
		rightWhileThrottled: await sign('bench0@example.com', 'bench-password-1')
	};
}

/** Websocket doors: foreign Origin, other workshop's cookies, other group's cookie, no cookie. */
export async function websocketDoors(app: SeededApp, origin = app.server.url) {
	const [mine, other] = app.classes;
	const url = `${app.server.wsBase}${mine.rooms[0].doc}`;
	return {
		ownTablet: await upgradeStatus(url, { cookie: mine.rooms[0].tablets[0], origin }),
		foreignOrigin: await upgradeStatus(url, { cookie: mine.rooms[0].tablets[0], origin: 'https://evil.example' }),
		otherWorkshopParticipant: await upgradeStatus(url, { cookie: other.rooms[0].tablets[0], origin }),
		otherWorkshopFacilitator: await upgradeStatus(url, { cookie: other.facilitatorCookie, origin }),
		otherGroupParticipant: await upgradeStatus(url, { cookie: mine.rooms[1].tablets[0], origin }),
		noCookie: await upgradeStatus(url, { origin })
	};
}

const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

/** Joins with names that are markup, then checks the server-rendered join page shows them as text. */
export async function markupRendersAsText(app: SeededApp, origin = app.server.url) {
	const klass = app.classes[0];
	const page = await fetch(`${app.server.url}/join/${klass.joinCode}`);
	const groupId = /name="group" value="([^"]+)"/.exec(await page.text())?.[1];
	if (!groupId) throw new Error('join page lists no group');
	const joins: number[] = [];
	for (const name of PAYLOADS) {
		const res = await postForm(app, `/join/${klass.joinCode}`, { name, group: groupId }, {}, origin);
		await res.arrayBuffer();
		joins.push(res.status);
	}
	const html = await (await fetch(`${app.server.url}/join/${klass.joinCode}`)).text();
	return {
		joins,
		rawPayloadInHtml: PAYLOADS.some((p) => html.includes(p)),
		escapedPayloadInHtml: html.includes('&lt;script>alert(1)&lt;/script>') || html.includes('&lt;script&gt;alert(1)&lt;/script&gt;')
	};
}

/** A form post over BODY_SIZE_LIMIT (default 512 KB). */
export async function oversizedPost(app: SeededApp, bytes = 1024 * 1024) {
	const res = await postForm(app, '/join', { code: 'A'.repeat(bytes) });
	await res.arrayBuffer();
	return { bytes, status: res.status };
}

/** The Content-Security-Policy of a page, and any source in it that is not this origin. */
export async function contentSecurityPolicy(app: SeededApp, path = '/login') {
	const res = await fetch(app.server.url + path, { redirect: 'manual' });
	await res.arrayBuffer();
	const csp = res.headers.get('content-security-policy') ?? '';
	const allowed = /^('self'|'none'|'unsafe-inline'|'strict-dynamic'|'nonce-[^']+'|'sha(256|384|512)-[^']+'|data:|blob:)$/;
	const foreign = csp
		.split(';')
		.flatMap((d) => d.trim().split(/\s+/).slice(1))
		.filter((source) => source && !allowed.test(source));
	return { status: res.status, csp, foreign };
}

/** Set-Cookie of a login and of a join, behind TLS (the app started with ORIGIN=https://…). */
export async function cookieFlags(app: SeededApp, origin: string) {
	const login = await postForm(app, '/login', { email: 'bench1@example.com', password: 'bench-password-1' }, {}, origin);
	await login.arrayBuffer();
	const klass = app.classes[0];
	const page = await (await fetch(`${app.server.url}/join/${klass.joinCode}`)).text();
	const groupId = /name="group" value="([^"]+)"/.exec(page)?.[1] ?? '';
	const join = await postForm(app, `/join/${klass.joinCode}`, { name: 'Cookie check', group: groupId }, {}, origin);
	await join.arrayBuffer();
	const flags = (header: string | null) => ({
		header: header ?? '',
		httpOnly: /;\s*HttpOnly/i.test(header ?? ''),
		sameSite: /;\s*SameSite=(Lax|Strict)/i.exec(header ?? '')?.[1] ?? null,
		secure: /;\s*Secure/i.test(header ?? '')
	});
	const cookies = (res: Response) => res.headers.getSetCookie();
	return {
		loginStatus: login.status,
		session: flags(cookies(login).find((c) => c.startsWith('huddle_session=')) ?? null),
		joinStatus: join.status,
		participant: flags(cookies(join).find((c) => c.startsWith('huddle_participant=')) ?? null)
	};
}
