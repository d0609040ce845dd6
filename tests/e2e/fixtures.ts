import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** The database the end-to-end server runs on (see serve-fresh.js). */
export const E2E_DB = path.resolve('test-results/e2e-data/huddle.db');

let counter = 0;

/** Creates a facilitator through the command-line tool; returns the credentials. */
export function createFacilitator(name = '测试讲师', { admin = false } = {}): { email: string; password: string } {
	const email = `f${Date.now()}-${process.pid}-${++counter}@example.com`;
	const password = 'e2e-passw0rd';
	const args = ['tsx', 'scripts/create-facilitator.ts', '--email', email, '--name', name, '--password', password, ...(admin ? ['--admin'] : [])];
	execFileSync('npx', args, {
		env: { ...process.env, DATABASE_PATH: E2E_DB },
		stdio: 'pipe'
	});
	return { email, password };
}

/** Signs a facilitator in on `page`. */
export async function login(page: Page, creds: { email: string; password: string }): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('电子邮箱').fill(creds.email);
	await page.getByLabel('密码').fill(creds.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/workshops$/);
}

/**
 * Creates a live workshop with `groups` groups and the exercise `exerciseId` on its agenda,
 * opened on the tablets. Returns its id and join code; `page` stays on the workshop page.
 */
export async function liveWorkshop(page: Page, opts: { title: string; groups: number; exerciseId: string }) {
	await page.goto('/workshops/new');
	await page.getByLabel('标题').fill(opts.title);
	await page.getByLabel('小组数量').fill(String(opts.groups));
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(opts.title);
	const id = page.url().split('/').pop()!;
	await page.locator('#exercise').selectOption(opts.exerciseId);
	await page.getByRole('button', { name: '添加练习' }).click();
	await expect(page.getByRole('button', { name: '在平板上开启' })).toBeVisible();
	await page.getByRole('button', { name: '开始工作坊' }).click();
	await expect(page.getByRole('button', { name: '结束工作坊' })).toBeVisible();
	await page.getByRole('button', { name: '在平板上开启' }).click();
	await expect(page.getByText('正在进行')).toBeVisible();
	const code = (await page.locator('.code').innerText()).trim();
	return { id, code };
}

/** A learner joining `code` into `group` (e.g. '第1组') on their own touch device (a landscape tablet unless `viewport` says otherwise). */
export async function joinAs(
	browser: Browser,
	code: string,
	name: string,
	group: string,
	viewport: { width: number; height: number } = { width: 1024, height: 768 }
): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport, hasTouch: true, isMobile: viewport.width < 600 });
	const page = await context.newPage();
	await page.goto(`/join/${code}`);
	await page.getByLabel('你的名字').fill(name);
	await page.getByRole('radio', { name: new RegExp(group) }).check();
	await page.getByRole('button', { name: '加入' }).click();
	await expect(page).toHaveURL(/\/play$/);
	return page;
}

/** One tap per criterion on a rubric form inside `scope`: `{ 环境洞察: 4, … }`. */
export async function rate(scope: Locator, values: Record<string, number>): Promise<void> {
	for (const [criterion, value] of Object.entries(values)) {
		await scope.getByRole('group', { name: new RegExp(`^${criterion}`) }).getByRole('radio', { name: new RegExp(`^${value} 分`) }).check();
	}
}
