import { expect, test } from '@playwright/test';
import { createFacilitator, login } from './fixtures';

// The admin's page for accounts: a trainer who forgot the password gets a new one, a trainer
// who left is turned off (and told so at sign-in), and turned back on.

test('an admin resets a trainer’s password, turns the account off and back on', async ({ page, browser }) => {
	const admin = createFacilitator('培训部管理员', { admin: true });
	const name = `周老师${Date.now() % 100000}`;
	const trainer = createFacilitator(name);
	await login(page, admin);
	await page.goto('/admin/facilitators');
	const row = page.getByRole('listitem').filter({ hasText: trainer.email });
	await expect(row).toBeVisible();

	await row.getByLabel(`${name} 的新密码`).fill('new-passw0rd-1');
	await row.getByRole('button', { name: '重置密码' }).click();
	await expect(page.getByRole('status')).toContainText(`已为 ${trainer.email} 设置新密码`);

	await row.getByRole('button', { name: `停用 ${name} 的账号` }).click();
	await expect(page.getByRole('status')).toContainText(`已停用 ${trainer.email}`);
	await expect(row.getByText('已停用', { exact: true })).toBeVisible();

	const other = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
	await other.goto('/login');
	await other.getByLabel('电子邮箱').fill(trainer.email);
	await other.getByLabel('密码').fill('new-passw0rd-1');
	await other.getByRole('button', { name: '登录' }).click();
	await expect(other.getByRole('alert')).toContainText('已被管理员停用');

	await row.getByRole('button', { name: `重新启用 ${name} 的账号` }).click();
	await expect(page.getByRole('status')).toContainText(`已重新启用 ${trainer.email}`);
	await login(other, { email: trainer.email, password: 'new-passw0rd-1' });
	await other.context().close();
});
