import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/lib/docs';
import { AppProcess } from './harness';
import { seed } from './seed';

// Joining over HTTP against the built server: a join form sent twice makes one participant.

const app = new AppProcess();
let s: Awaited<ReturnType<typeof seed>>;
let groupId: string;

beforeAll(async () => {
	s = await seed(app.dbPath);
	const ref = parseDoc(s.docs.board1);
	if (ref?.type !== 'board') throw new Error('unexpected board name');
	groupId = ref.groupId;
	await app.start();
});

afterAll(async () => {
	await app.stop('SIGKILL');
	app.cleanup();
});

/** The attempt id of a freshly loaded join form. */
async function formAttempt(): Promise<string> {
	const html = await (await fetch(`${app.url}/join/${s.workshop.joinCode}`)).text();
	const attempt = /name="attempt" value="([a-z2-7]{16})"/.exec(html)?.[1];
	if (!attempt) throw new Error('the join form has no attempt id');
	return attempt;
}

function submit(attempt: string, name: string): Promise<Response> {
	return fetch(`${app.url}/join/${s.workshop.joinCode}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ name, group: groupId, attempt })
	});
}

const cookieOf = (res: Response) => /huddle_participant=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';

function namesInWorkshop(): string[] {
	const db = new Database(app.dbPath, { readonly: true });
	try {
		return db
			.prepare<[string], { n: string }>('SELECT display_name AS n FROM participant WHERE workshop_id = ? ORDER BY display_name')
			.all(s.workshop.id)
			.map((r) => r.n);
	} finally {
		db.close();
	}
}

const playStatus = async (cookie: string) => (await fetch(`${app.url}/play`, { headers: { cookie }, redirect: 'manual' })).status;

describe('joining with a code', () => {
	it('makes one participant of a form sent twice at once', async () => {
		const before = namesInWorkshop().length;
		const attempt = await formAttempt();
		const [a, b] = await Promise.all([submit(attempt, '小李'), submit(attempt, '小李')]);
		expect([a.status, b.status]).toEqual([303, 303]);
		expect(namesInWorkshop().filter((n) => n === '小李')).toHaveLength(1);
		expect(namesInWorkshop()).toHaveLength(before + 1);
		// Both answers carry the same cookie: whichever the browser keeps, it opens the board.
		expect(cookieOf(a)).not.toBe('');
		expect(cookieOf(b)).toBe(cookieOf(a));
		expect(await playStatus(cookieOf(a))).toBe(200);
	});

	it('signs the repeat in as the participant the first one made, with what it chose', async () => {
		const attempt = await formAttempt();
		const first = await submit(attempt, '小王');
		const again = await submit(attempt, '小王 (销售)');
		expect(namesInWorkshop()).toContain('小王 (销售)');
		expect(namesInWorkshop()).not.toContain('小王');
		expect(await playStatus(cookieOf(again))).toBe(200);
		expect(cookieOf(again)).toBe(cookieOf(first));
		// A new form is a new person.
		await submit(await formAttempt(), '小王');
		expect(namesInWorkshop().filter((n) => n.startsWith('小王'))).toHaveLength(2);
	});

	it('ignores a forged or missing attempt id and still joins', async () => {
		const before = namesInWorkshop().length;
		expect((await submit('not-an-attempt', '小张')).status).toBe(303);
		expect((await submit('', '小赵')).status).toBe(303);
		expect(namesInWorkshop()).toHaveLength(before + 2);
	});

	it('hands the device to someone else: "not you?" forgets the participant here and opens the join form', async () => {
		const attempt = await formAttempt();
		const joined = await submit(attempt, '小陈');
		const cookies = joined.headers.getSetCookie().map((c) => c.split(';')[0]);
		const device = cookies.find((c) => c.startsWith('huddle_revisit='))!;
		const participant = cookies.find((c) => c.startsWith('huddle_participant='))!;
		expect(device).toMatch(/^huddle_revisit=[A-Z0-9]/);
		const left = await fetch(`${app.url}/play?/leave`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: `${participant}; ${device}`, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: ''
		});
		expect(left.status).toBe(303);
		expect(left.headers.get('location')).toBe(`/join/${s.workshop.joinCode}`);
		const cleared = left.headers.getSetCookie();
		// Both cookies are emptied: the device is no longer 小陈's, nor lists 小陈's workshop.
		expect(cleared.some((c) => /^huddle_participant=;/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);
		expect(cleared.some((c) => /^huddle_revisit=;/.test(c))).toBe(true);
		// 小陈 stays in the workshop.
		expect(namesInWorkshop()).toContain('小陈');
		// The next learner, sent back to the old form (back button), joins as themselves.
		expect((await submit(attempt, '小林')).status).toBe(303);
		expect(namesInWorkshop()).toEqual(expect.arrayContaining(['小陈', '小林']));
	});

	it('works over plain http without ORIGIN, as `npm start` serves it', async () => {
		// Forms are accepted from the app's own http origin (the tests above post from it) and
		// cookies are not marked Secure, which browsers would drop over http.
		const joined = await submit(await formAttempt(), '小周');
		expect(joined.status).toBe(303);
		expect(joined.headers.getSetCookie().every((c) => !/;\s*Secure/i.test(c))).toBe(true);
		// A client cannot claim https through the header the server uses for itself.
		const forged = await fetch(`${app.url}/join/${s.workshop.joinCode}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url.replace(/^http:/, 'https:'),
				'x-huddle-direct-protocol': 'https',
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ name: '小吴', group: groupId, attempt: await formAttempt() })
		});
		expect(forged.status).toBe(403);
	});

	// Last: it ends the workshop.
	it("tells a learner with an ended workshop's code that it ended, and where to look back", async () => {
		const db = new Database(app.dbPath);
		try {
			db.prepare("UPDATE workshop SET status = 'ended' WHERE id = ?").run(s.workshop.id);
		} finally {
			db.close();
		}
		const page = await (await fetch(`${app.url}/join/${s.workshop.joinCode}`, { headers: { 'accept-language': 'zh-CN' } })).text();
		expect(page).toContain('这个工作坊已经结束');
		expect(page).toContain('href="/r"');
		expect(page).not.toContain('没有找到这个加入码');
		const typed = await fetch(`${app.url}/join`, {
			method: 'POST',
			headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-language': 'zh-CN' },
			body: new URLSearchParams({ code: s.workshop.joinCode.toLowerCase() })
		});
		expect(typed.status).toBe(400);
		expect(await typed.text()).toContain('这个工作坊已经结束');
		// No form to join it.
		expect(page).not.toContain('name="attempt"');
	});
});
