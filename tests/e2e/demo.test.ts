import { expect, test } from '@playwright/test';
import { createFacilitator, login } from './fixtures';

// A new facilitator tries the product: one button makes a ready-made workshop, which starts
// with sample notes already on the boards the console shows.

test('the demo workshop is ready to run in a few clicks', async ({ page }) => {
	test.setTimeout(120_000);
	await login(page, createFacilitator('试用讲师'));
	await page.goto('/workshops');
	await page.getByRole('button', { name: '试用演示工作坊' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('演示工作坊：快递网点经营');
	// Four groups, and the agenda holds one activity of each kind.
	await expect(page.getByRole('button', { name: '在平板上开启' })).toHaveCount(4);
	await expect(page.getByText(/PEST法则/).first()).toBeVisible();

	await page.getByRole('button', { name: '开始工作坊' }).click();
	await expect(page.getByRole('button', { name: '结束工作坊' })).toBeVisible();
	await page.getByRole('button', { name: '在平板上开启' }).first().click();
	await expect(page.getByText('正在进行')).toBeVisible();
	await page.getByRole('link', { name: '进入控制台' }).click();
	// The console's grid already shows what the sample groups wrote.
	await expect(page.getByText('快递进村政策有补贴').first()).toBeVisible();
	await expect(page.getByText('无人车在园区试运行').first()).toBeVisible();
});
