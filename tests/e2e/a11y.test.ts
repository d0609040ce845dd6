import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// Accessibility and looks of the main pages: axe-core finds no serious or critical violation
// (WCAG 2.1 A and AA) on the join, board, console and projector pages, also with the board's
// dialogs open; each page is photographed at tablet size (and the board on a phone) into
// tests/screenshots/ for a reviewer.

const stamp = Date.now().toString(36);
const SHOTS = 'tests/screenshots';

/** Runs axe on the page as it is; fails with the rule, impact and elements of each serious finding. */
async function expectAccessible(page: Page, where: string) {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const bad = result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(bad, `${where}: serious or critical accessibility violations`).toEqual([]);
}

test('join, board, console and projector pass axe and are photographed', async ({ page, browser }) => {
	test.slow();
	await login(page, createFacilitator('无障碍讲师'));
	const { id, code } = await liveWorkshop(page, { title: `快递市场研讨 ${stamp}`, groups: 3, exerciseId: 'pest-express-market' });

	// Join: the code page and the name-and-group page, on a portrait tablet.
	const visitor = await browser.newContext({ locale: 'zh-CN', viewport: { width: 768, height: 1024 }, hasTouch: true });
	const join = await visitor.newPage();
	await join.goto('/join');
	await expect(join.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(join, '/join');
	await join.screenshot({ path: `${SHOTS}/join-768x1024.png` });
	await join.goto(`/join/${code}`);
	await join.waitForLoadState('networkidle');
	await expectAccessible(join, '/join/[code]');
	await join.screenshot({ path: `${SHOTS}/join-group-768x1024.png` });
	await visitor.close();

	// The board with notes from two learners, one marked as a threat and one as an opportunity.
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组', { width: 768, height: 1024 });
	await joinAs(browser, code, '小张', '第2组');
	for (const [learner, quadrant, text] of [
		[alice, '经济', '直播电商带来寄递增量'],
		[bob, '技术', '无人车末端配送降低成本'],
		[alice, '政治', '快递进村政策补贴']
	] as const) {
		await learner.getByRole('button', { name: `添加便签：${quadrant}` }).click();
		await learner.getByLabel('新便签内容').fill(text);
		await learner.getByRole('button', { name: '保存' }).click();
		await expect(learner.getByRole('article', { name: text })).toBeVisible();
	}
	await alice.getByRole('article', { name: '直播电商带来寄递增量' }).getByRole('button', { name: '机会' }).click();
	await alice.getByRole('article', { name: '快递进村政策补贴' }).getByRole('button', { name: '威胁' }).click();
	await expect(bob.getByRole('article', { name: '快递进村政策补贴' }).getByRole('button', { name: '威胁' })).toHaveAttribute('aria-pressed', 'true');

	await expectAccessible(bob, '/play');
	await bob.screenshot({ path: `${SHOTS}/play-768x1024.png` });
	await expectAccessible(alice, '/play (landscape)');
	await alice.screenshot({ path: `${SHOTS}/play-1024x768.png` });
	await alice.getByRole('button', { name: '便签菜单：直播电商带来寄递增量' }).click();
	await expect(alice.getByRole('dialog', { name: '直播电商带来寄递增量' })).toBeVisible();
	await expectAccessible(alice, '/play with a note menu');
	await alice.screenshot({ path: `${SHOTS}/play-note-menu-1024x768.png` });
	await alice.keyboard.press('Escape');
	await alice.getByRole('banner').getByRole('button', { name: '小李', exact: true }).click();
	await expect(alice.getByRole('dialog', { name: '你的名字和颜色' })).toBeVisible();
	await expectAccessible(alice, '/play with the name-and-colour form');
	await alice.screenshot({ path: `${SHOTS}/play-me-1024x768.png` });
	await alice.keyboard.press('Escape');

	await bob.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(bob, '/play on a phone');
	await bob.screenshot({ path: `${SHOTS}/play-390x844.png` });
	await bob.screenshot({ path: `${SHOTS}/play-390x844-full.png`, fullPage: true });

	// English too: the same board in the other language.
	await bob.getByRole('button', { name: 'English' }).click();
	await expect(bob.getByRole('button', { name: '中文' })).toBeVisible();
	await bob.setViewportSize({ width: 768, height: 1024 });
	await expectAccessible(bob, '/play in English');
	await bob.screenshot({ path: `${SHOTS}/play-en-768x1024.png` });

	// The console on a landscape tablet or small laptop, and the projector.
	await page.setViewportSize({ width: 1024, height: 768 });
	await page.goto(`/workshops/${id}/console`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectAccessible(page, 'console');
	await page.screenshot({ path: `${SHOTS}/console-1024x768.png` });
	await page.screenshot({ path: `${SHOTS}/console-1024x768-full.png`, fullPage: true });

	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1024, height: 768 });
	await projector.goto(`/workshops/${id}/projector`);
	await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
	await projector.waitForLoadState('networkidle');
	await expectAccessible(projector, 'projector');
	await projector.screenshot({ path: `${SHOTS}/projector-1024x768.png` });

	// The facilitator's workshop page with the join code, at tablet size.
	await page.goto(`/workshops/${id}`);
	await expectAccessible(page, 'workshop set-up');
	await page.screenshot({ path: `${SHOTS}/workshop-1024x768.png` });
});
