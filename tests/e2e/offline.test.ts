import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// A training room's Wi-Fi drops: a learner keeps editing, even reloads the page while offline,
// and everything reaches the group and the server once the connection returns.

test('edits made offline survive a reload and merge when the network returns', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await login(page, createFacilitator());
	const { code } = await liveWorkshop(page, { title: '离线测试', groups: 1, exerciseId: 'pest-express-market' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');
	const add = alice.getByRole('button', { name: '添加便签：政治' });
	await expect(add).toBeEnabled();

	// Once the service worker controls the page, a reload caches the learner's page for offline use.
	await alice.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await alice.reload();
	await expect(alice.getByRole('button', { name: '添加便签：政治' })).toBeEnabled();

	await alice.context().setOffline(true);
	await expect(alice.getByRole('status').filter({ hasText: '离线' })).toBeVisible();
	await alice.getByRole('button', { name: '添加便签：政治' }).click();
	await alice.getByLabel('新便签内容').fill('断网时写的便签');
	await alice.getByRole('button', { name: '保存' }).click();
	await expect(alice.getByRole('article', { name: '断网时写的便签' })).toBeVisible();

	// Reload while still offline: the page and the note come from the device.
	await alice.reload();
	await expect(alice.getByRole('article', { name: '断网时写的便签' })).toBeVisible();
	await alice.getByRole('button', { name: '添加便签：经济' }).click();
	await alice.getByLabel('新便签内容').fill('重新加载后又写的一张');
	await alice.getByRole('button', { name: '保存' }).click();
	await expect(bob.getByRole('article', { name: '断网时写的便签' })).toHaveCount(0);

	await alice.context().setOffline(false);
	await expect(bob.getByRole('article', { name: '断网时写的便签' })).toBeVisible({ timeout: 20_000 });
	await expect(bob.getByRole('article', { name: '重新加载后又写的一张' })).toBeVisible();
	// And the server has them: the facilitator's view comes from the server alone.
	await page.reload();
	await expect(page.getByRole('article', { name: '重新加载后又写的一张' })).toBeVisible();
});
