import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// A learner sets their own name and presence colour from the bar; the server keeps both and stamps
// them on presence, so a teammate sees the new name with the chosen colour, also after a reload.

const stamp = Date.now().toString(36);

test('a learner changes their name and colour and a teammate sees both', async ({ page, browser }) => {
	test.slow();
	await login(page, createFacilitator('在场讲师'));
	const { code } = await liveWorkshop(page, { title: `在场 ${stamp}`, groups: 1, exerciseId: 'pest-express-market' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');
	const peers = bob.getByRole('main').getByRole('listitem');
	await expect(peers.filter({ hasText: '小李' })).toBeVisible();

	await alice.getByRole('banner').getByRole('button', { name: '小李', exact: true }).click();
	const form = alice.getByRole('dialog', { name: '你的名字和颜色' });
	await form.getByLabel('名字').fill('李老三');
	await form.getByRole('radio', { name: '紫' }).check();
	await form.getByRole('button', { name: '保存' }).click();
	await expect(form).toBeHidden();
	await expect(alice.getByRole('banner').getByRole('button', { name: '李老三', exact: true })).toBeVisible();

	// The teammate sees the new name, in the chosen colour (#7A5195 in the palette).
	const chip = peers.filter({ hasText: '李老三' });
	await expect(chip).toBeVisible();
	await expect(peers.filter({ hasText: /^.?小李$/ })).toHaveCount(0);
	expect(await chip.evaluate((el) => getComputedStyle(el).getPropertyValue('--chip').trim().toLowerCase())).toBe('#7a5195');

	// Kept on the server: a reload shows it, and a bad colour is refused with a message.
	await alice.reload();
	await alice.getByRole('banner').getByRole('button', { name: '李老三', exact: true }).click();
	await expect(alice.getByRole('dialog', { name: '你的名字和颜色' }).getByRole('radio', { name: '紫' })).toBeChecked();
	const refused = await alice.request.post('/play?/profile', { form: { name: '李老三', colour: '99' }, headers: { origin: new URL(alice.url()).origin } });
	expect(await refused.text()).toContain('请从列表中选择一种颜色');

	// The tablet goes to the next learner: "not you?" opens the join form for them, and the
	// device's "my workshops" no longer lists 李老三's workshop.
	await alice.goto('/me');
	await expect(alice.getByRole('link', { name: `在场 ${stamp}` })).toBeVisible();
	await alice.goto('/play');
	await alice.getByRole('banner').getByRole('button', { name: '李老三', exact: true }).click();
	await alice.getByRole('dialog', { name: '你的名字和颜色' }).getByRole('button', { name: '不是你？重新加入' }).click();
	await expect(alice).toHaveURL(new RegExp(`/join/${code}$`));
	await expect(alice.getByLabel('你的名字')).toBeVisible();
	await alice.goto('/me');
	await expect(alice.getByRole('link', { name: `在场 ${stamp}` })).toHaveCount(0);
});
