import { expect, test } from '@playwright/test';
import { createFacilitator, login } from './fixtures';

// Setting up the groups: saving the names (once or twice) and the group count leaves the form
// showing what was saved, ready for the next change.

const stamp = Date.now().toString(36);

test('group names and the group count stay in their fields after saving', async ({ page }) => {
	await login(page, createFacilitator('小组讲师'));
	await page.goto('/workshops/new');
	await page.getByLabel('标题').fill(`小组设置 ${stamp}`);
	await page.getByLabel('小组数量').fill('2');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`小组设置 ${stamp}`);

	const groups = page.getByRole('region', { name: '小组' });
	const names = groups.getByLabel('小组名称');
	await names.first().fill('揽投一组');
	const save = groups.getByRole('button', { name: '保存小组' });
	await save.first().click();
	await expect(groups.getByRole('group', { name: '揽投一组' })).toBeVisible();
	await expect(names.first()).toHaveValue('揽投一组');
	await expect(names.nth(1)).toHaveValue('第2组');

	// Saved again without a change: still the same names, and no error.
	await save.first().click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(names.first()).toHaveValue('揽投一组');
	await expect(names.nth(1)).toHaveValue('第2组');

	const count = groups.getByLabel('小组数量');
	await count.fill('3');
	await save.last().click();
	await expect(names).toHaveCount(3);
	await expect(count).toHaveValue('3');
	await expect(names.first()).toHaveValue('揽投一组');
});
