import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// Leaving a silent phase by any way but "next" (back, or closing the activity from the console
// or the workshop page) reveals its private notes too: nobody's ideas stay hidden on a tablet.

const stamp = Date.now().toString(36);

async function addNote(page: Page, text: string) {
	await page.getByRole('button', { name: '添加便签：政治' }).click();
	await page.getByLabel('新便签内容').fill(text);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: text })).toBeVisible();
}

test('back and closing the activity, from either page, reveal the silent phase’s notes first', async ({ page, browser }) => {
	test.setTimeout(3 * 60_000);
	await login(page, createFacilitator('静默讲师'));
	const { id, code } = await liveWorkshop(page, { title: `静默离开 ${stamp}`, groups: 1, exerciseId: 'pest-rural-delivery' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');
	await page.goto(`/workshops/${id}/console`);
	const silent = '静默思考：你写的便签只有你自己看得到';

	// Into the silent phase; Alice writes a note only she sees; the facilitator goes back.
	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(alice.getByText(silent)).toBeVisible();
	await addNote(alice, `返回前 ${stamp}`);
	await page.getByRole('button', { name: '上一阶段' }).click();
	await expect(bob.getByRole('article', { name: `返回前 ${stamp}` })).toBeVisible();
	await expect(bob.getByRole('article', { name: `返回前 ${stamp}` })).toContainText('来自 小李');

	// Again, and this time the facilitator closes the activity.
	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(alice.getByText(silent)).toBeVisible();
	await addNote(alice, `结束前 ${stamp}`);
	await page.getByRole('button', { name: '结束练习' }).click();
	// Opened again, the board holds both notes.
	await page.getByRole('button', { name: /^开始/ }).first().click();
	await expect(bob.getByRole('article', { name: `结束前 ${stamp}` })).toBeVisible();
	await expect(bob.getByRole('article', { name: `返回前 ${stamp}` })).toBeVisible();

	// The workshop page's agenda closes it the same way.
	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(alice.getByText(silent)).toBeVisible();
	await addNote(alice, `设置页关闭前 ${stamp}`);
	await page.goto(`/workshops/${id}`);
	await page.getByRole('button', { name: '关闭', exact: true }).click();
	await expect(page.getByRole('button', { name: '在平板上开启' })).toBeEnabled();
	await page.getByRole('button', { name: '在平板上开启' }).click();
	await expect(bob.getByRole('article', { name: `设置页关闭前 ${stamp}` })).toBeVisible();
});
