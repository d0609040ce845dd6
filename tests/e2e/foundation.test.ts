import { expect, test, type Browser, type Page } from '@playwright/test';

// One classroom, start to finish: onboarding → a workshop with two groups and a PEST board →
// two learners join the same group from two devices → a note travels live → a reload keeps
// the learner in the group with the note.

const NOTE = '县域快递补贴政策 ' + Date.now();

async function learner(browser: Browser, code: string, name: string, group: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });
	const page = await context.newPage();
	await page.goto(`/join/${code}`);
	await page.getByLabel('你的名字').fill(name);
	await page.getByRole('radio', { name: new RegExp(group) }).check();
	await page.getByRole('button', { name: '加入' }).click();
	await expect(page).toHaveURL(/\/play$/);
	return page;
}

test('a classroom runs a PEST board end to end', async ({ page, browser }) => {
	// First run: onboarding creates the administrator.
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await page.getByLabel('姓名').fill('王老师');
	await page.getByLabel('电子邮箱').fill('wang@example.com');
	await page.getByLabel('密码').fill('s3cret-passw0rd');
	await page.getByRole('button', { name: '创建管理员账号' }).click();
	await expect(page).toHaveURL(/\/workshops$/);

	// A workshop with two groups and a PEST activity.
	await page.getByRole('link', { name: '新建工作坊' }).click();
	await page.getByLabel('标题').fill('快递市场 PEST 分析');
	await page.getByLabel('小组数量').fill('2');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('快递市场 PEST 分析');
	const pestOption = page.locator('#exercise option', { hasText: 'PEST' }).first();
	await page.locator('#exercise').selectOption({ value: (await pestOption.getAttribute('value'))! });
	await page.getByRole('button', { name: '添加练习' }).click();
	await expect(page.getByRole('button', { name: '在平板上开启' })).toBeVisible();
	await page.getByRole('button', { name: '开始工作坊' }).click();
	await expect(page.getByText('进行中').first()).toBeVisible();
	await page.getByRole('button', { name: '在平板上开启' }).click();
	await expect(page.getByText('正在进行')).toBeVisible();
	const code = (await page.locator('.code').innerText()).trim();
	expect(code).toMatch(/^[A-Z2-9]{6}$/);

	// Two learners in group 1, each on their own tablet.
	const alice = await learner(browser, code, '小李', '第1组');
	const bob = await learner(browser, code, '小王', '第1组');

	// The facilitator sees them on the roster.
	await expect(page.getByRole('region', { name: /学员名单/ }).getByText('小李')).toBeVisible();

	// A note added on one tablet appears on the other and on the facilitator's page.
	await alice.getByRole('button', { name: '添加便签：政治' }).click();
	await alice.getByLabel('新便签内容').fill(NOTE);
	await alice.getByRole('button', { name: '保存' }).click();
	await expect(bob.getByRole('article', { name: NOTE })).toBeVisible();
	await expect(page.getByRole('region', { name: '第1组' }).getByRole('article', { name: NOTE })).toBeVisible();
	await expect(page.getByRole('region', { name: '第2组' }).getByRole('article', { name: NOTE })).toHaveCount(0);

	// A reload brings the learner straight back to the group, with the note.
	await alice.reload();
	await expect(alice).toHaveURL(/\/play$/);
	await expect(alice.getByText('第1组').first()).toBeVisible();
	await expect(alice.getByRole('article', { name: NOTE })).toBeVisible();

	// Screenshots for review.
	await alice.screenshot({ path: 'test-results/screenshots/board-tablet.png' });
	await page.screenshot({ path: 'test-results/screenshots/facilitator-workshop.png', fullPage: true });
});

test('a wrong join code gets a clear message', async ({ page }) => {
	await page.goto('/join/ZZZZZZ');
	await expect(page.getByRole('alert')).toContainText('没有找到这个加入码');
});

test('a wrong password gets one message that names neither part', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('电子邮箱').fill('wang@example.com');
	await page.getByLabel('密码').fill('wrong-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确。');
	await page.getByLabel('电子邮箱').fill('nobody@example.com');
	await page.getByLabel('密码').fill('s3cret-passw0rd');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确。');
});
