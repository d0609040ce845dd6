import { expect, test, type Browser, type Page } from '@playwright/test';
import { createFacilitator, liveWorkshop, login } from './fixtures';

// A tablet on slow classroom Wi-Fi shows the server-rendered page long before its scripts have
// run. What a learner types in that time must still be there once the page is live.

const stamp = Date.now().toString(36);

/** Holds back the app's scripts until the returned function is called. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await gate;
		await route.continue();
	});
	return async () => {
		release();
		await page.waitForLoadState('networkidle');
		// One more frame: hydration runs once the last module has arrived.
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
	};
}

/** A live workshop, and a tablet whose scripts are held back; `live()` lets them run. */
async function slowTablet(page: Page, browser: Browser, title: string) {
	await login(page, createFacilitator('慢网讲师'));
	const { code } = await liveWorkshop(page, { title, groups: 2, exerciseId: 'pest-express-market' });
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });
	const tablet = await context.newPage();
	return { code, context, tablet, live: await holdScripts(tablet) };
}

test('a name typed before the join page is live is kept, and the learner joins with it', async ({ page, browser }) => {
	const { code, context, tablet, live } = await slowTablet(page, browser, `慢网工作坊 ${stamp}`);
	await tablet.goto(`/join/${code}`, { waitUntil: 'commit' });
	await tablet.getByLabel('你的名字').fill('慢网小周');
	await tablet.getByRole('radio', { name: /第2组/ }).check();
	await live();

	await expect(tablet.getByLabel('你的名字')).toHaveValue('慢网小周');
	await expect(tablet.getByRole('radio', { name: /第2组/ })).toBeChecked();
	await tablet.getByRole('button', { name: '加入' }).click();
	await expect(tablet).toHaveURL(/\/play$/);
	await expect(tablet.getByText('慢网小周').first()).toBeVisible();
	await context.close();
});

test('a code typed into the first box before the page is live is spread over the boxes and sent', async ({ page, browser }) => {
	const { code, context, tablet, live } = await slowTablet(page, browser, `慢网加入码 ${stamp}`);
	await tablet.goto('/join', { waitUntil: 'commit' });
	// Without the page's script nothing moves the caret on: the whole code goes into box 1.
	await tablet.getByLabel('加入码第 1 位').fill(code.toLowerCase());
	await live();

	await expect(tablet).toHaveURL(new RegExp(`/join/${code}$`));
	await expect(tablet.getByLabel('你的名字')).toBeVisible();
	await context.close();
});

test('an email typed before the login page is live is kept', async ({ page }) => {
	const live = await holdScripts(page);
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('电子邮箱').fill('slow@example.com');
	await live();
	await expect(page.getByLabel('电子邮箱')).toHaveValue('slow@example.com');
});
