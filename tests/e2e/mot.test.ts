import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// The moments-of-truth game with two groups: each picks a contact tool, defines its customer,
// answers the four questions and rates its touchpoints; the curve is drawn and its lows are
// flagged for a service standard. Group 1 then reviews group 2's board, which group 2 reads only
// once the facilitator releases the reviews.

const stamp = Date.now().toString(36);
const REVIEW = `客户画像很具体，“等待上门”这个低点抓得准 ${stamp}`;

/** Adds touchpoints in order and rates each one (ratings as the buttons show them, e.g. '−3'). */
async function journey(page: Page, points: [string, string][]) {
	for (const [label] of points) {
		await page.getByLabel('新接触点').fill(label);
		await page.getByRole('button', { name: '添加接触点' }).click();
		await expect(page.getByRole('radiogroup', { name: label, exact: true })).toBeVisible();
	}
	for (const [label, rating] of points) {
		const choice = page.getByRole('radiogroup', { name: label, exact: true }).getByRole('radio', { name: rating, exact: true });
		await choice.check();
		await expect(choice).toBeChecked();
	}
}

/** Picks a tool, describes the customer and answers the four questions. */
async function answer(page: Page, tool: RegExp, customer: string) {
	await page.getByRole('radio', { name: tool }).check();
	await page.getByLabel('我们的客户是谁').fill(customer);
	await page.getByLabel(/^联系的类型/).fill('在公交站等车时看到');
	await page.getByLabel(/^正式信息/).fill('承诺次日达，意味着一种时效承诺');
	await page.getByLabel(/^产生的期望/).fill('今天寄，明天一定到');
	await page.getByLabel(/^关键时刻：/).fill('下单后等快递员上门的那段时间');
}

test('two groups play the moments-of-truth game and review each other crosswise', async ({ page, browser }) => {
	test.setTimeout(10 * 60_000); // many steps on three devices; slow on a busy machine
	await login(page, createFacilitator('关键时刻讲师'));
	const { id, code } = await liveWorkshop(page, { title: `关键时刻游戏 ${stamp}`, groups: 2, exerciseId: 'mot-contact-tools' });
	const g1 = await joinAs(browser, code, '小李', '第1组');
	const g2 = await joinAs(browser, code, '小王', '第2组');

	// Group 1: tool, customer, the four answers, and a journey of four touchpoints.
	await answer(g1, /^广告/, `第一次寄件的大学生 ${stamp}`);
	await journey(g1, [
		['看到广告', '+2'],
		['在线下单', '0'],
		['等待上门', '−3'],
		['收到包裹', '+1']
	]);

	// The curve is drawn; the two lowest points are flagged, the others are not.
	const curve = g1.getByRole('img', { name: /客户体验曲线/ });
	await expect(curve).toBeVisible();
	await expect(curve).toHaveAttribute('aria-label', /3 等待上门 −3 \(低点\)/);
	await expect(curve).toHaveAttribute('aria-label', /1 看到广告 \+2;/);
	await expect(curve.locator('polyline.now')).toHaveCount(1);
	await expect(curve.locator('path.low')).toHaveCount(2);
	await expect(g1.getByLabel('服务标准：等待上门')).toBeVisible();
	await expect(g1.getByLabel('服务标准：在线下单')).toBeVisible();
	await expect(g1.getByLabel('服务标准：看到广告')).toHaveCount(0);
	await g1.getByLabel('服务标准：等待上门').fill('下单后 2 小时内上门，迟到主动电话说明');

	// The facilitator's console shows the same board live, the standard included.
	const live1 = page.getByRole('region', { name: '第1组' });
	await expect(live1.getByRole('radio', { name: /^广告/ })).toBeChecked();
	await expect(live1.getByRole('radiogroup', { name: '等待上门', exact: true }).getByRole('radio', { name: '−3', exact: true })).toBeChecked();
	await expect(live1.getByLabel('服务标准：等待上门')).toHaveValue('下单后 2 小时内上门，迟到主动电话说明');

	// Group 2 plays its own tool.
	await answer(g2, /^营业厅海报/, `给父母网购的中年人 ${stamp}`);
	await journey(g2, [
		['看到海报', '+1'],
		['柜台排队', '−2'],
		['寄出包裹', '+2']
	]);
	await expect(g2.getByLabel('服务标准：柜台排队')).toBeVisible();

	// Group 1 reviews group 2: it sees group 2's board read-only, then writes its review.
	const review1 = g1.getByRole('region', { name: '交叉点评' });
	await expect(review1.getByText('你们组点评的是')).toBeVisible();
	await review1.getByRole('button', { name: '查看第2组的白板' }).click();
	const target = review1.getByRole('region', { name: '第2组的白板（只读）' });
	await expect(target.getByText(`给父母网购的中年人 ${stamp}`)).toBeVisible();
	await expect(target.getByRole('img', { name: /2 柜台排队 −2 \(低点\)/ })).toBeVisible();
	await expect(target.getByRole('textbox')).toHaveCount(0);
	await review1.getByLabel('对第2组的点评').fill(REVIEW);
	await review1.getByRole('button', { name: '保存点评' }).click();
	await expect(review1.getByText('点评已保存。')).toBeVisible();

	// Group 2 cannot read it yet.
	const review2 = g2.getByRole('region', { name: '交叉点评' });
	const [listed] = await Promise.all([
		g2.waitForResponse((r) => /\/api\/reviews\/[a-z2-7]{16}$/.test(new URL(r.url()).pathname)),
		review2.getByRole('button', { name: '刷新' }).click()
	]);
	const activityId = new URL(listed.url()).pathname.split('/').pop()!;
	await expect(review2.getByText('讲师发布点评后，你们会在这里看到其他组的点评。')).toBeVisible();
	await expect(review2.getByText(REVIEW)).toHaveCount(0);

	// Only the facilitator may release them, from the console, where the pairs are listed.
	expect((await g2.request.post(`/api/reviews/${activityId}/release`, { data: { released: true } })).status()).toBe(401);
	await page.goto(`/workshops/${id}/console`);
	const control = page.getByRole('region', { name: '交叉点评' });
	await expect(control.getByText('已写 1/2')).toBeVisible();
	await control.getByRole('button', { name: '向各组发布点评' }).click();
	await expect(control.getByText('已发布：被点评的组可以看到点评。')).toBeVisible();

	// Now group 2 reads the review; group 1's review can no longer change.
	await review2.getByRole('button', { name: '刷新' }).click();
	const received = review2.getByRole('region', { name: '其他组对你们的点评' });
	await expect(received.getByText(REVIEW)).toBeVisible();
	await expect(received.getByText('来自第1组')).toBeVisible();
	await review1.getByRole('button', { name: '刷新' }).click();
	await expect(review1.getByText('点评已发布，不能再修改。')).toBeVisible();

	// Screenshots for review: the board on a tablet both ways round and on a phone.
	await g1.evaluate(() => window.scrollTo(0, 0));
	await g1.screenshot({ path: 'test-results/screenshots/mot-1024x768.png' });
	await g1.screenshot({ path: 'test-results/screenshots/mot-1024x768-full.png', fullPage: true });
	await g2.screenshot({ path: 'test-results/screenshots/mot-group2-1024x768-full.png', fullPage: true });
	await g1.setViewportSize({ width: 768, height: 1024 });
	await g1.screenshot({ path: 'test-results/screenshots/mot-768x1024-full.png', fullPage: true });
	await g1.setViewportSize({ width: 390, height: 844 });
	await g1.screenshot({ path: 'test-results/screenshots/mot-390x844-full.png', fullPage: true });
	await page.screenshot({ path: 'test-results/screenshots/mot-facilitator-full.png', fullPage: true });
});
