import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// A lock from the console while a learner is half-way through a note: the note's form stays
// with its text, saving waits, and after the unlock the note is saved as written.

const stamp = Date.now().toString(36);
const HALF = `寄递网点下沉到村 ${stamp}`;

test('a note being written when the board is locked is kept, and saved after the unlock', async ({ page, browser }) => {
	await login(page, createFacilitator('锁定讲师'));
	const { id, code } = await liveWorkshop(page, { title: `锁定草稿 ${stamp}`, groups: 1, exerciseId: 'pest-express-market' });
	const tablet = await joinAs(browser, code, '小李', '第1组');

	await tablet.getByRole('button', { name: '添加便签：政治' }).click();
	await tablet.getByLabel('新便签内容').fill(HALF);

	await page.goto(`/workshops/${id}/console`);
	await page.getByRole('button', { name: '锁定全部白板' }).click();
	await expect(tablet.getByText('讲师已锁定白板').first()).toBeVisible();
	await expect(tablet.getByLabel('新便签内容')).toHaveValue(HALF);
	await expect(tablet.getByRole('button', { name: '保存' })).toBeDisabled();

	await page.getByRole('button', { name: '解锁全部白板' }).click();
	await expect(tablet.getByRole('button', { name: '保存' })).toBeEnabled();
	await expect(tablet.getByLabel('新便签内容')).toHaveValue(HALF);
	await tablet.getByRole('button', { name: '保存' }).click();
	await expect(tablet.getByRole('article', { name: HALF })).toBeVisible();
});
