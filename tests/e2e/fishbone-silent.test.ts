import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// The fishbone's silent phase, as the last-mile staffing exercise asks: everyone writes causes
// alone, unseen; the facilitator's reveal puts them on the group's fish.

const stamp = Date.now().toString(36);
const CAUSE = `高峰时段只能临时借人 ${stamp}`;

async function addCause(page: Page, bone: string, cause: string) {
	await page.getByRole('button', { name: `添加原因：${bone}` }).click();
	await page.getByLabel('原因（一条只写一个）').fill(cause);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: cause })).toBeVisible();
}

test('fishbone causes written in the silent phase stay private until the reveal', async ({ page, browser }) => {
	test.setTimeout(3 * 60_000);
	await login(page, createFacilitator('鱼骨静默讲师'));
	const { id, code } = await liveWorkshop(page, { title: `鱼骨静默 ${stamp}`, groups: 1, exerciseId: 'fishbone-last-mile-staffing' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');
	await page.goto(`/workshops/${id}/console`);

	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(alice.getByText('静默思考：你写的便签只有你自己看得到')).toBeVisible();
	await addCause(alice, '人效', CAUSE);
	await bob.waitForTimeout(800);
	await expect(bob.getByRole('article', { name: CAUSE })).toHaveCount(0);

	await page.getByRole('button', { name: '揭晓便签' }).click();
	await expect(page.getByText('已揭晓 1 张便签。')).toBeVisible();
	await expect(bob.getByRole('article', { name: CAUSE })).toBeVisible();
	await expect(alice.getByRole('article', { name: CAUSE })).toBeVisible();
});
