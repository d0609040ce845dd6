import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';
import { centre, touchHold } from './touch';

// The fishbone's causes share the PEST notes' long-press menu: a finger resting on a cause opens
// it on a phone, and its "move to" puts the cause on another bone.

test('a long-press on a cause opens its menu on a phone', async ({ page, browser }) => {
	test.slow();
	const stamp = Date.now().toString(36);
	await login(page, createFacilitator('鱼骨触控讲师'));
	const { code } = await liveWorkshop(page, { title: `鱼骨触控 ${stamp}`, groups: 1, exerciseId: 'fishbone-sorting-centre-cost' });
	const phone = await joinAs(browser, code, '小鱼', '第1组', { width: 390, height: 844 });
	const cause = `长按打开菜单 ${stamp}`;
	await phone.getByRole('button', { name: '添加原因：料效' }).click();
	await phone.getByLabel('原因（一条只写一个）').fill(cause);
	await phone.getByRole('button', { name: '保存' }).click();
	const card = phone.getByRole('article', { name: cause });
	await expect(card).toBeVisible();

	const text = card.getByText(cause, { exact: true });
	await text.scrollIntoViewIfNeeded();
	await touchHold(phone, await centre(text), 800);
	const menu = phone.getByRole('dialog', { name: cause });
	await expect(menu).toBeVisible();
	await expect(menu.getByRole('button', { name: '追问为什么' })).toBeVisible();
	await menu.getByRole('button', { name: '关闭' }).tap();
	await expect(menu).toBeHidden();
	await phone.screenshot({ path: 'tests/screenshots/fishbone-390x844.png' });
});
