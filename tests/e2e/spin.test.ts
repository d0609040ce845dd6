import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { createFacilitator, liveWorkshop, login } from './fixtures';

// A SPIN role-play in a trio: three learners join one group, round 1 deals salesperson, customer
// and observer; only the customer can get the hidden brief (not from the page, the page data, the
// brief endpoint or the live document); the observer logs S, P, I and N with one tap each and the
// debrief counts them; round 2 rotates the roles and the brief moves with the customer.

type Localized = { 'zh-CN': string };
const exercise = parse(fs.readFileSync('exercises/spin-2b-customers.yaml', 'utf8')) as {
	board: { scenarios: { key: string; title: Localized; customer_brief: { situation: Localized; needs: Localized; objections: Localized[] } }[] };
};
const [card1, card2] = exercise.board.scenarios;
/** Distinctive pieces of a hidden brief, searched for everywhere it must not be. */
const secrets = (card: typeof card1) => [
	card.customer_brief.situation['zh-CN'].slice(0, 24),
	card.customer_brief.needs['zh-CN'].slice(0, 24),
	card.customer_brief.objections[0]['zh-CN']
];

/**
 * A learner joining `group` on their own tablet, with every websocket frame their page receives
 * recorded as text from the start, to search the live documents for secrets.
 */
async function joinRecording(browser: Browser, code: string, name: string, group: string) {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });
	const page = await context.newPage();
	const frames: string[] = [];
	page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8'))));
	await page.goto(`/join/${code}`);
	await page.getByLabel('你的名字').fill(name);
	await page.getByRole('radio', { name: new RegExp(group) }).check();
	await page.getByRole('button', { name: '加入' }).click();
	await expect(page).toHaveURL(/\/play$/);
	return { page, frames };
}

/** The activity id, from the roles request the board made. */
async function activityIdOf(page: Page): Promise<string> {
	const url = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => e.name)
			.find((n) => /\/api\/activities\/[a-z2-7]+\/roles/.test(n))
	);
	const id = /\/api\/activities\/([a-z2-7]+)\//.exec(url ?? '')?.[1];
	expect(id).toBeTruthy();
	return id!;
}

/** Proves that `page` cannot obtain the brief of `card` by any door. */
async function cannotSeeBrief(page: Page, frames: string[], activityId: string, card: typeof card1) {
	const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/activities/${activityId}/brief`);
	expect(status).toBe(403);
	const html = await page.content();
	const data = await page.evaluate(async () => (await fetch('/play/__data.json')).text());
	expect(data).toContain(card.key); // the public card is there …
	expect(data).not.toContain('customer_brief'); // … its hidden part is not
	for (const secret of secrets(card)) {
		await expect(page.getByText(secret)).toHaveCount(0);
		expect(html).not.toContain(secret);
		expect(data).not.toContain(secret);
		expect(frames.some((f) => f.includes(secret))).toBe(false);
	}
}

test('a trio plays SPIN: roles rotate, only the customer sees the brief, the observer logs S/P/I/N', async ({ page, browser }) => {
	test.setTimeout(420_000); // three tablets and a console on one machine
	await login(page, createFacilitator('SPIN讲师'));
	const { id: workshopId, code } = await liveWorkshop(page, { title: 'SPIN 销售技巧', groups: 2, exerciseId: 'spin-2b-customers' });

	// Join order is rotation order: round 1 makes 小李 salesperson, 小王 customer, 小张 observer.
	const joined = [];
	for (const name of ['小李', '小王', '小张']) joined.push(await joinRecording(browser, code, name, '第1组'));
	const [li, wang, zhang] = joined.map((j) => j.page);
	const frames = new Map<Page, string[]>(joined.map((j) => [j.page, j.frames]));

	// Round 1: the salesperson picks the first card and starts; everyone gets a role.
	await li.getByLabel('情景卡', { exact: true }).selectOption(card1.key);
	await li.getByRole('button', { name: '开始第 1 轮' }).click();
	await expect(li.getByRole('heading', { name: '你的角色：销售方' })).toBeVisible();
	await expect(wang.getByRole('heading', { name: '你的角色：客户方' })).toBeVisible();
	await expect(zhang.getByRole('heading', { name: '你的角色：观察员' })).toBeVisible();
	await expect(zhang.getByRole('heading', { name: '第 1 轮 / 共 3 轮' })).toBeVisible();

	// The customer alone sees the hidden brief.
	await expect(wang.getByRole('heading', { name: /客户的隐藏信息/ })).toBeVisible();
	for (const secret of secrets(card1)) await expect(wang.getByText(secret, { exact: false }).first()).toBeVisible();
	const activityId = await activityIdOf(li);
	expect(await wang.evaluate(async (url) => (await fetch(url)).status, `/api/activities/${activityId}/brief`)).toBe(200);
	for (const p of [li, zhang]) await cannotSeeBrief(p, frames.get(p)!, activityId, card1);

	// The observer logs one question of each type, one tap each.
	for (const type of ['背景问题', '难点问题', '暗示问题', '需求-效益问题']) {
		await zhang.getByRole('button', { name: new RegExp(type) }).click();
	}
	await zhang.getByRole('button', { name: /暗示问题/ }).click();
	await expect(zhang.getByRole('button', { name: /暗示问题/ })).toContainText('2');

	// The customer marks the next step; the debrief on the salesperson's tablet shows it all.
	await wang.getByRole('button', { name: '同意了下一步' }).click();
	const table = li.getByRole('table', { name: '第 1 轮各类提问数量' });
	for (const [type, n] of [['背景问题', '1'], ['难点问题', '1'], ['暗示问题', '2'], ['需求-效益问题', '1']]) {
		await expect(table.getByRole('row', { name: new RegExp(type) }).getByRole('cell').first()).toHaveText(n);
	}
	await expect(li.getByText('共 5 个问题')).toBeVisible();
	await expect(li.getByText('暗示和需求-效益问题占 60%')).toBeVisible();
	await expect(li.getByText('✓ 同意了下一步').first()).toBeVisible();

	// The facilitator's console summarises the group's debrief; its board shows the roles and
	// may open the hidden brief.
	await page.goto(`/workshops/${workshopId}/console`);
	await expect(page.getByRole('table', { name: '第 1 轮各类提问数量' }).getByRole('row', { name: /暗示问题/ }).getByRole('cell').first()).toHaveText('2');
	await page.getByRole('button', { name: '查看第1组的白板' }).click();
	const board = page.getByRole('dialog');
	await expect(board.getByRole('heading', { name: '第 1 轮 / 共 3 轮' })).toBeVisible();
	await expect(board.getByText(secrets(card1)[0], { exact: false })).toBeHidden();
	await board.getByText('查看本轮客户的隐藏信息').click();
	await expect(board.getByText(secrets(card1)[0], { exact: false })).toBeVisible();

	await zhang.screenshot({ path: 'test-results/screenshots/spin-observer.png', fullPage: true });
	await wang.screenshot({ path: 'test-results/screenshots/spin-customer.png', fullPage: true });
	await li.screenshot({ path: 'test-results/screenshots/spin-salesperson.png', fullPage: true });
	await zhang.setViewportSize({ width: 390, height: 844 });
	await zhang.screenshot({ path: 'test-results/screenshots/spin-observer-phone.png' });
	await zhang.setViewportSize({ width: 1024, height: 768 });

	// Round 2 rotates: 小王 sells, 小张 is the customer, 小李 observes; the brief moves with the role.
	await li.getByText('换情景卡或开始下一轮').click();
	await li.getByLabel('情景卡', { exact: true }).selectOption(card2.key);
	await li.getByRole('button', { name: '开始第 2 轮' }).click();
	await expect(zhang.getByRole('heading', { name: '你的角色：客户方' })).toBeVisible();
	await expect(wang.getByRole('heading', { name: '你的角色：销售方' })).toBeVisible();
	await expect(li.getByRole('heading', { name: '你的角色：观察员' })).toBeVisible();
	await expect(zhang.getByText(secrets(card2)[0], { exact: false })).toBeVisible();
	for (const p of [li, wang]) await cannotSeeBrief(p, frames.get(p)!, activityId, card2);
	await expect(wang.getByRole('heading', { name: /客户的隐藏信息/ })).toHaveCount(0);
	// Round 1's debrief stays, now alongside round 2 and the summary across rounds.
	await expect(wang.getByRole('heading', { name: '各轮汇总' })).toBeVisible();
});
