import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// Dot voting and the outcome on the PEST board: two learners of one group vote, the limit of
// three votes per person holds, and the list of opportunities shows the one the group marked,
// with its countermeasure, on both tablets.

const stamp = Date.now().toString(36);
const OPPORTUNITY = `直播电商带来寄递增量 ${stamp}`;
const COUNTER = `为本地主播开专属揽收线路 ${stamp}`;
const OTHERS = [`老年人网购增多 ${stamp}`, `无人车末端配送 ${stamp}`, `农产品上行补贴 ${stamp}`];

/** Adds a note to a quadrant through the board's own form. */
async function addNote(page: Page, quadrant: string, text: string) {
	await page.getByRole('button', { name: `添加便签：${quadrant}` }).click();
	await page.getByLabel('新便签内容').fill(text);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: text })).toBeVisible();
}

test('learners dot-vote within their limit and see the opportunities with countermeasures', async ({ page, browser }) => {
	test.slow(); // two tablets, four notes, seven votes
	await login(page, createFacilitator('PEST讲师'));
	const { code } = await liveWorkshop(page, { title: `快递市场 PEST ${stamp}`, groups: 2, exerciseId: 'pest-express-market' });
	const alice = await joinAs(browser, code, '小李', '第1组');
	const bob = await joinAs(browser, code, '小王', '第1组');

	await addNote(alice, '经济', OPPORTUNITY);
	await addNote(alice, '社会', OTHERS[0]);
	await addNote(bob, '技术', OTHERS[1]);
	await addNote(bob, '政治', OTHERS[2]);

	// The group marks one note as an opportunity, with a countermeasure.
	const note = alice.getByRole('article', { name: OPPORTUNITY });
	await note.getByRole('button', { name: '机会' }).click();
	await expect(note.getByRole('button', { name: '机会' })).toHaveAttribute('aria-pressed', 'true');
	await note.getByRole('button', { name: `便签菜单：${OPPORTUNITY}` }).click();
	await alice.getByRole('dialog', { name: OPPORTUNITY }).getByRole('button', { name: '添加对策' }).click();
	await alice.getByLabel('对策').fill(COUNTER);
	await alice.getByRole('button', { name: '保存' }).click();

	// Three votes each; the fourth is refused until one is taken back.
	await expect(alice.getByText('你还有 3 票')).toBeVisible();
	for (const text of [OPPORTUNITY, OTHERS[0], OTHERS[1]]) {
		const vote = alice.getByRole('button', { name: `投票：${text}` });
		await vote.click();
		await expect(vote).toHaveAttribute('aria-pressed', 'true');
	}
	await expect(alice.getByText('你的票已用完。取消一票才能再投。')).toBeVisible();
	await expect(alice.getByRole('button', { name: `投票：${OTHERS[2]}` })).toBeDisabled();
	await alice.getByRole('button', { name: `投票：${OTHERS[1]}` }).click();
	await expect(alice.getByText('你还有 1 票')).toBeVisible();
	await expect(alice.getByRole('button', { name: `投票：${OTHERS[2]}` })).toBeEnabled();

	// The other learner has votes of their own and sees everyone's count.
	await expect(bob.getByText('你还有 3 票')).toBeVisible();
	await bob.getByRole('button', { name: `投票：${OPPORTUNITY}` }).click();
	await expect(bob.getByText('你还有 2 票')).toBeVisible();
	await expect(alice.getByRole('article', { name: OPPORTUNITY }).getByText('2 票')).toBeVisible();

	// The outcome: the opportunity with its countermeasure, on both tablets; other notes are not in it.
	for (const learner of [alice, bob]) {
		const outcomes = learner.getByRole('region', { name: '新的市场机会' });
		const item = outcomes.getByRole('listitem').filter({ hasText: OPPORTUNITY });
		await expect(item).toContainText(COUNTER);
		await expect(item).toContainText('2 票');
		await expect(outcomes.getByRole('listitem')).toHaveCount(1);
	}

	await alice.screenshot({ path: 'test-results/screenshots/pest-votes-1024x768-full.png', fullPage: true });
	await alice.setViewportSize({ width: 390, height: 844 });
	await alice.screenshot({ path: 'test-results/screenshots/pest-votes-390x844-full.png', fullPage: true });
});
