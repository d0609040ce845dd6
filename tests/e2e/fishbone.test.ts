import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// A fishbone cost analysis in a live workshop: a cause with its countermeasure travels from one
// tablet to the other and to the facilitator, the other learner votes for it, and the group
// ranks it among its five measures.

const stamp = Date.now().toString(36);
const CAUSE = `夜班人多件少 ${stamp}`;
const MEASURE = `按进出港波峰弹性排班 ${stamp}`;

/** Adds a cause (and optionally its countermeasure) on a bone through the board's own form. */
async function addCause(page: Page, bone: string, cause: string, measure = '') {
	await page.getByRole('button', { name: `添加原因：${bone}` }).click();
	await page.getByLabel('原因（一条只写一个）').fill(cause);
	if (measure) await page.getByLabel('对策（可以稍后再写）').fill(measure);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: cause })).toBeVisible();
}

test('a group builds a fishbone, votes and ranks its measures live', async ({ page, browser }) => {
	test.setTimeout(420_000);
	await login(page, createFacilitator('鱼骨讲师'));
	const { code } = await liveWorkshop(page, { title: '分拨中心降本增效', groups: 2, exerciseId: 'fishbone-sorting-centre-cost' });

	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');

	// The head of the fish and the five bones of the course are there.
	await expect(alice.getByRole('heading', { name: /分拨中心件均成本高于同区域标杆/ })).toBeVisible();
	for (const bone of ['人效', '机效', '料效', '法效', '环效']) {
		await expect(alice.getByRole('button', { name: `添加原因：${bone}` })).toBeVisible();
	}
	await expect(alice.getByRole('group', { name: /鱼骨图/ })).toBeVisible();

	// One learner adds a cause with its countermeasure on 人效 ...
	await addCause(alice, '人效', CAUSE, MEASURE);

	// ... the other sees it, on the lane and in the diagram, and votes for the countermeasure.
	await expect(bob.getByRole('article', { name: CAUSE })).toBeVisible();
	await expect(bob.getByRole('button', { name: `原因：${CAUSE}`, exact: true })).toBeVisible();
	const vote = bob.getByRole('button', { name: `投票：${MEASURE}` });
	await vote.click();
	await expect(vote).toHaveAttribute('aria-pressed', 'true');
	await expect(bob.getByText('你还剩 2 票（共 3 票）')).toBeVisible();
	await expect(alice.getByRole('article', { name: CAUSE }).getByText('1 票')).toBeVisible();

	// The facilitator's console shows group 1's board with the cause and the vote; group 2 stays empty.
	const group1 = page.getByRole('region', { name: '第1组' });
	await expect(group1.getByRole('article', { name: CAUSE })).toBeVisible();
	await expect(group1.getByRole('article', { name: CAUSE }).getByText('1 票')).toBeVisible();
	await expect(page.getByRole('region', { name: '第2组' }).getByRole('article', { name: CAUSE })).toHaveCount(0);

	// A sub-cause, more causes on other bones, and the group's ranked short-list.
	await alice.getByRole('button', { name: `添加次级原因：${CAUSE}` }).click();
	await alice.getByLabel('次级原因：为什么会这样？').fill('排班表按月固定，没跟件量走');
	await alice.getByRole('button', { name: '保存' }).click();
	await expect(bob.getByRole('article', { name: CAUSE }).getByText('排班表按月固定，没跟件量走')).toBeVisible();
	await addCause(alice, '机效', '分拣线低峰时段空转', '低峰只开一条线');
	await addCause(alice, '料效', '编织袋丢失、周转慢', '编织袋编号循环使用');
	await addCause(bob, '环效', '进出港车辆装载率不到六成', '合并两条支线');
	await addCause(bob, '法效', '卸车后等待建包，重复搬运');

	await bob.getByRole('button', { name: '按票数选出' }).click();
	const top = bob.getByRole('region', { name: '5 项降本措施' });
	await expect(top.getByText(MEASURE)).toBeVisible();
	await alice.getByRole('button', { name: '把“合并两条支线”放进5项措施' }).click();
	await alice.getByRole('button', { name: '上移：合并两条支线' }).click();
	await expect(top.getByRole('listitem').first()).toContainText('合并两条支线');
	await expect(top.getByRole('listitem').nth(1)).toContainText(MEASURE);

	// Screenshots of the board on a tablet, both ways round, and on a phone.
	await alice.setViewportSize({ width: 1024, height: 768 });
	await alice.evaluate(() => window.scrollTo(0, 0));
	await alice.screenshot({ path: 'test-results/screenshots/fishbone-1024x768.png' });
	await alice.screenshot({ path: 'test-results/screenshots/fishbone-1024x768-full.png', fullPage: true });
	await alice.setViewportSize({ width: 768, height: 1024 });
	await alice.screenshot({ path: 'test-results/screenshots/fishbone-768x1024.png' });
	await alice.screenshot({ path: 'test-results/screenshots/fishbone-768x1024-full.png', fullPage: true });
	await alice.setViewportSize({ width: 390, height: 844 });
	await alice.screenshot({ path: 'test-results/screenshots/fishbone-390x844-full.png', fullPage: true });
	await page.screenshot({ path: 'test-results/screenshots/fishbone-facilitator.png', fullPage: true });
});
