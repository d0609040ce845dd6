import { expect, test, type Locator, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// Running the room: a facilitator drives phases (with undo), a silent brainstorming round, the
// timer every screen shares, locks, and the presentations, from the console; learners' tablets
// and the projector follow.

const NOTE = '县域电商直播带货 ' + Date.now();
const AFTER_UNLOCK = '解锁后的便签 ' + Date.now();

/** Seconds left on the first countdown of a page (m:ss or h:mm:ss). */
async function secondsLeft(timer: Locator): Promise<number> {
	const text = await timer.first().innerText();
	const parts = /(\d+):(\d\d)(?::(\d\d))?/.exec(text);
	if (!parts) throw new Error(`no time in "${text}"`);
	const [h, m, s] = parts[3] ? [+parts[1], +parts[2], +parts[3]] : [0, +parts[1], +parts[2]];
	return h * 3600 + m * 60 + s;
}

async function addNote(page: Page, text: string) {
	await page.getByRole('button', { name: '添加便签：政治' }).click();
	await page.getByLabel('新便签内容').fill(text);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: text })).toBeVisible();
}

test('a facilitator runs the room from the console', async ({ page, browser }) => {
	test.setTimeout(360_000);
	await login(page, createFacilitator('控制台讲师'));
	const { id, code } = await liveWorkshop(page, { title: '县域寄递 控制台', groups: 2, exerciseId: 'pest-rural-delivery' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');
	const carol = await joinAs(browser, code, '小张', '第2组');

	// The workshop page links to the console.
	await expect(page.getByRole('link', { name: '进入控制台' })).toHaveAttribute('href', `/workshops/${id}/console`);
	await page.goto(`/workshops/${id}/console`);
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1280, height: 720 });
	await projector.goto(`/workshops/${id}/projector`);

	const phases = page.getByRole('region', { name: '阶段', exact: true });
	const currentPhase = phases.locator('[aria-current="step"]');
	await expect(currentPhase).toContainText('布置任务');
	await expect(projector.getByRole('heading', { level: 1 })).toContainText('县域农村寄递');

	// Next phase: the silent round (private notes). Tablets switch to a private board.
	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(currentPhase).toContainText('小组研讨');
	await expect(alice.getByText('静默思考：你写的便签只有你自己看得到')).toBeVisible();
	await expect(bob.getByText('静默思考：你写的便签只有你自己看得到')).toBeVisible();
	await expect(alice.locator('header').getByText('小组研讨')).toBeVisible();

	// A note stays on its author's tablet…
	await addNote(alice, NOTE);
	await alice.screenshot({ path: 'test-results/screenshots/console-tablet-private.png' });
	await bob.waitForTimeout(800);
	await expect(bob.getByRole('article', { name: NOTE })).toHaveCount(0);
	await expect(page.getByText(NOTE)).toHaveCount(0);

	// …until the facilitator reveals it: then it joins the group's board, credited to its author.
	await page.getByRole('button', { name: '揭晓便签' }).click();
	await expect(page.getByText('已揭晓 1 张便签。')).toBeVisible();
	await expect(bob.getByRole('article', { name: NOTE })).toBeVisible();
	await expect(bob.getByRole('article', { name: NOTE })).toContainText('来自 小李');
	await expect(alice.getByRole('article', { name: NOTE })).toBeVisible();
	await expect(bob.getByText('静默思考：你写的便签只有你自己看得到')).toHaveCount(0);
	await expect(carol.getByRole('article', { name: NOTE })).toHaveCount(0);

	// The timer: the facilitator starts 10 minutes; tablet and projector show the same time.
	await page.getByLabel('分钟', { exact: true }).fill('10');
	await page.getByRole('button', { name: '开始计时' }).click();
	const tabletTimer = alice.locator('header').getByRole('timer');
	const projectorTimer = projector.getByRole('timer');
	await expect(tabletTimer).toBeVisible();
	await expect(projectorTimer).toBeVisible();
	const [onTablet, onProjector, onConsole] = await Promise.all([secondsLeft(tabletTimer), secondsLeft(projectorTimer), secondsLeft(page.getByRole('timer'))]);
	console.log(`remaining: tablet ${onTablet}s, projector ${onProjector}s, console ${onConsole}s`);
	expect(Math.abs(onTablet - onProjector)).toBeLessThanOrEqual(2);
	expect(Math.abs(onTablet - onConsole)).toBeLessThanOrEqual(2);
	expect(onTablet).toBeGreaterThan(590);
	expect(onTablet).toBeLessThanOrEqual(600);
	// A reload picks the countdown up where it is.
	await alice.reload();
	await expect(alice.locator('header').getByRole('timer')).toBeVisible();
	// Both read at the same moment: on a busy machine sequential reads drift apart by themselves.
	const [afterReload, projectorNow] = await Promise.all([secondsLeft(alice.locator('header').getByRole('timer')), secondsLeft(projectorTimer)]);
	expect(Math.abs(afterReload - projectorNow)).toBeLessThanOrEqual(2);
	// Pause and extend: everyone follows.
	await page.getByRole('button', { name: '暂停' }).click();
	await expect(alice.locator('header').getByRole('timer')).toContainText('已暂停');
	await expect(projectorTimer).toContainText('已暂停');
	const paused = await secondsLeft(projectorTimer);
	await page.getByRole('button', { name: '加 5 分钟' }).click();
	await expect.poll(() => secondsLeft(projectorTimer)).toBe(paused + 300);
	await expect.poll(() => secondsLeft(alice.locator('header').getByRole('timer'))).toBe(paused + 300);
	await projector.screenshot({ path: 'test-results/screenshots/console-projector-brief.png' });

	// Next by mistake, then undo: back in the group-work phase.
	await page.getByRole('button', { name: '下一阶段' }).click();
	await expect(currentPhase).toContainText('小组汇报');
	await expect(alice.locator('header').getByText('小组汇报')).toBeVisible();
	await page.getByRole('button', { name: '撤销' }).click();
	await expect(currentPhase).toContainText('小组研讨');
	await expect(alice.locator('header').getByText('小组研讨')).toBeVisible();
	// The paused timer came back with the phase; the revealed notes stay on the board.
	await expect(alice.locator('header').getByRole('timer')).toContainText('已暂停');
	await expect(alice.getByRole('article', { name: NOTE })).toBeVisible();
	// Previous phase works too.
	await page.getByRole('button', { name: '上一阶段' }).click();
	await expect(currentPhase).toContainText('布置任务');
	await page.getByRole('button', { name: '撤销' }).click();
	await expect(currentPhase).toContainText('小组研讨');

	// Lock group 1: its tablets say so and cannot add notes; group 2 carries on.
	await page.getByRole('button', { name: '锁定第1组的白板' }).click();
	await expect(alice.locator('header').getByText('讲师已锁定白板')).toBeVisible();
	await expect(alice.getByRole('button', { name: '添加便签：政治' })).toHaveCount(0);
	await expect(bob.getByRole('button', { name: '添加便签：政治' })).toHaveCount(0);
	await expect(carol.getByRole('button', { name: '添加便签：政治' })).toBeVisible();
	await expect(page.getByRole('button', { name: '解锁第1组的白板' })).toBeVisible();
	await alice.screenshot({ path: 'test-results/screenshots/console-tablet-locked.png' });
	await page.getByRole('button', { name: '解锁第1组的白板' }).click();
	await expect(alice.locator('header').getByText('讲师已锁定白板')).toHaveCount(0);
	await addNote(alice, AFTER_UNLOCK);
	await expect(bob.getByRole('article', { name: AFTER_UNLOCK })).toBeVisible();

	// Presentations: the first group presents; the projector shows it with its own countdown.
	await page.getByRole('button', { name: '开始第一组汇报' }).click();
	await expect(projector.getByText('正在汇报')).toBeVisible();
	await expect(projector.getByText('第1组').first()).toBeVisible();
	await expect(projector.getByText(NOTE)).toBeVisible();
	// All of the group's board is on the screen, above the join code: the projector cannot scroll.
	const outcomes = projector.getByRole('region', { name: '新的市场机会' });
	await expect(outcomes).toBeInViewport({ ratio: 1 });
	const [boardBottom, joinTop] = await Promise.all([
		outcomes.evaluate((el) => el.getBoundingClientRect().bottom),
		projector.getByText(`加入码 ${code}`).evaluate((el) => el.getBoundingClientRect().top)
	]);
	expect(boardBottom).toBeLessThanOrEqual(joinTop);
	await projector.screenshot({ path: 'test-results/screenshots/console-projector-presenting.png' });
	await page.getByRole('button', { name: '下一组' }).click();
	await expect(projector.getByText('第2组').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/console.png', fullPage: true });

	// The console chooses the projector's screen: results, the join code, then back to the run.
	const screen = page.getByRole('region', { name: '投影画面' });
	await screen.getByRole('button', { name: '结果', exact: true }).click();
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText('结果');
	await screen.getByRole('button', { name: '加入码', exact: true }).click();
	await expect(projector.getByText(code, { exact: true })).toBeVisible();
	await screen.getByRole('button', { name: '跟随进度', exact: true }).click();
	await expect(projector.getByText('正在汇报')).toBeVisible();
});
