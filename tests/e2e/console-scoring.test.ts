import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login, rate } from './fixtures';

// Peer scoring is run from the console, beside the presentation queue: the trainer calls a group
// up, opens scoring there, and the other group's tablet shows the rubric for the group presenting
// until scoring is closed again. Nobody has to leave the console for the results page.

const stamp = Date.now().toString(36);

test('the console opens and closes peer scoring for the group presenting', async ({ page, browser }) => {
	test.slow(); // a console and two tablets
	await login(page, createFacilitator('评分讲师'));
	const { id, code } = await liveWorkshop(page, { title: `控制台评分 ${stamp}`, groups: 3, exerciseId: 'pest-express-market' });
	const scorer = await joinAs(browser, code, '小王', '第2组');

	await page.goto(`/workshops/${id}/console`);
	const presentations = page.getByRole('region', { name: '小组汇报' });
	await presentations.getByRole('button', { name: '开始第一组汇报' }).click();
	const controls = presentations.getByRole('group', { name: '评分控制' });
	await expect(controls.getByText('评分未开放')).toBeVisible();

	// The trainer marks at the pace of the talk: the console's refreshes, every few seconds,
	// leave the marks given so far alone.
	const mine = presentations.getByRole('region', { name: '为第1组评分' });
	await rate(mine, { 环境洞察: 4, 机会与威胁判断: 2 });
	await mine.getByLabel('总体评语（可选）').fill('开场清楚');
	for (let i = 0; i < 2; i++) await page.waitForResponse((r) => r.url().includes('/console/__data.json'));
	await expect(mine.getByRole('group', { name: /^环境洞察/ }).getByRole('radio', { name: /^4 分/ })).toBeChecked();
	await expect(mine.getByLabel('总体评语（可选）')).toHaveValue('开场清楚');

	// Not open yet: the tablets show no rubric.
	const rubric = scorer.getByRole('region', { name: '给其他小组评分' });
	await expect(rubric).toHaveCount(0);

	await controls.getByRole('button', { name: '开放评分' }).click();
	await expect(controls.getByText('评分进行中')).toBeVisible();
	await expect(rubric).toBeVisible({ timeout: 20_000 });
	await expect(rubric.getByRole('button', { name: /第1组/ })).toHaveAttribute('aria-pressed', 'true');

	// Sent: the score stays in view, said to be in, and no blank form for a group not yet heard.
	await rate(rubric, { 环境洞察: 4, 机会与威胁判断: 3, 对策可行: 4, 汇报表达: 5 });
	await rubric.getByRole('button', { name: '提交评分' }).click();
	await expect(rubric.getByRole('status')).toHaveText('已提交对第1组的评分。');
	await expect(rubric.getByRole('button', { name: /第1组/ })).toHaveAttribute('aria-pressed', 'true');
	await expect(rubric.getByRole('button', { name: /第3组/ })).toHaveAttribute('aria-pressed', 'false');
	await expect(rubric.getByRole('button', { name: '修改评分' })).toBeVisible();
	await presentations.screenshot({ path: 'test-results/screenshots/console-scoring.png' });

	// The trainer's own rubric for the group presenting stays usable beside the controls.
	await expect(presentations.getByRole('region', { name: '为第1组评分' }).getByRole('button', { name: '提交评分' })).toBeVisible();

	await controls.getByRole('button', { name: '结束评分' }).click();
	await expect(controls.getByRole('button', { name: '重新开放评分' })).toBeVisible();
	await expect(rubric).toHaveCount(0, { timeout: 20_000 });
	// Closed means closed for the trainer too, until reopened.
	const panel = presentations.getByRole('region', { name: '为第1组评分' });
	await expect(panel.getByText('讲师已结束评分，不能再提交或修改。')).toBeVisible();
	await expect(panel.getByRole('button', { name: '提交评分' })).toBeDisabled();
	await controls.getByRole('button', { name: '重新开放评分' }).click();
	await expect(panel.getByText('讲师已结束评分，不能再提交或修改。')).toHaveCount(0);
	await expect(panel.getByRole('radio').first()).toBeEnabled();

	// The room's results screen: once revealed, the leaderboard holds still through the projector's
	// refreshes (every few seconds) instead of flashing "loading" each time.
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(`/workshops/${id}/projector`);
	page.once('dialog', (d) => d.accept());
	await controls.getByRole('button', { name: '公布排行榜' }).click();
	await expect(controls.getByText(/排行榜已于/)).toBeVisible();
	await page.getByRole('group', { name: '投影画面' }).getByRole('button', { name: '结果' }).click();
	await expect(projector.getByRole('listitem').filter({ hasText: '第1组' })).toBeVisible();
	await projector.evaluate(() => {
		const w = window as unknown as { flashes: number };
		w.flashes = 0;
		new MutationObserver(() => {
			if (document.body.innerText.includes('正在加载排行榜')) w.flashes++;
		}).observe(document.body, { childList: true, subtree: true, characterData: true });
	});
	for (let i = 0; i < 2; i++) await projector.waitForResponse((r) => r.url().includes('/projector/__data.json'));
	await projector.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
	expect(await projector.evaluate(() => (window as unknown as { flashes: number }).flashes)).toBe(0);
});
