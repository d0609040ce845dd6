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
});
