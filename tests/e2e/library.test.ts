import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DB, createFacilitator, login } from './fixtures';

// The library journey: browse by kind → preview (phases, board, rubric) → copy → edit the title
// → a refused edit keeps what was typed → the copy in a new workshop's agenda picker → two
// activities reordered by button, by mouse drag and by finger drag, and the order persists.

const PEST = /PEST法则：诊断快递市场/;
const FISH = /分拨中心成本高/;
const MY_TITLE = `我们网点的 PEST ${Date.now()}`;
const SHOTS = 'test-results/screenshots';

/** The titles of the agenda items, in order. */
async function agendaTitles(page: Page): Promise<string[]> {
	return page.getByRole('region', { name: '议程' }).getByRole('listitem').locator('.name').allInnerTexts();
}

/** Drags the handle of `from` to the vertical middle of `to` with the mouse. */
async function mouseDrag(page: Page, from: Locator, to: Locator) {
	const a = (await from.locator('.handle').boundingBox())!;
	const b = (await to.boundingBox())!;
	await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
	await page.mouse.down();
	await page.mouse.move(a.x + a.width / 2, b.y + 4, { steps: 8 });
	await page.mouse.up();
}

test('a facilitator browses, previews, copies and edits an exercise', async ({ page }) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await login(page, createFacilitator('库讲师'));

	// Browse by kind.
	await page.getByRole('link', { name: '练习库' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('练习库');
	await expect(page.getByRole('link', { name: PEST })).toBeVisible();
	await expect(page.getByRole('link', { name: FISH })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/library-list.png`, fullPage: true });

	const kinds = page.getByRole('navigation', { name: '按练习类型筛选' });
	await kinds.getByRole('link', { name: /PEST 分析/ }).click();
	await expect(page).toHaveURL(/kind=pest/);
	await expect(kinds.getByRole('link', { name: /PEST 分析/ })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('link', { name: FISH })).toHaveCount(0);
	await expect(page.locator('li[data-kind]:not([data-kind="pest"])')).toHaveCount(0);
	await kinds.getByRole('link', { name: /鱼骨图分析/ }).click();
	await expect(page.getByRole('link', { name: FISH })).toBeVisible();
	await expect(page.getByRole('link', { name: PEST })).toHaveCount(0);
	await page.getByRole('navigation', { name: '按课程主题筛选' }).getByRole('link', { name: '把控市场' }).click();
	await expect(page.getByText('没有符合筛选条件的练习')).toBeVisible();
	await kinds.getByRole('link', { name: /PEST 分析/ }).click();

	// Preview: goal, phases with durations, the board's layout and the rubric.
	await page.getByRole('link', { name: PEST }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PEST);
	const phases = page.getByRole('region', { name: '环节与时长' });
	await expect(phases.getByRole('listitem').first()).toContainText('布置任务');
	await expect(phases.getByRole('listitem').first()).toContainText('5 分钟');
	await expect(phases).toContainText('各环节合计 60 分钟');
	await expect(page.getByRole('region', { name: '白板样式' })).toContainText('如何争取政策支持');
	const rubric = page.getByRole('region', { name: '评分标准' });
	await expect(rubric).toContainText('环境洞察');
	await expect(rubric).toContainText('权重 3');
	await expect(rubric).toContainText('学员互评占 30%');
	await page.screenshot({ path: `${SHOTS}/library-preview.png`, fullPage: true });

	// Copy, then edit the title.
	await page.getByRole('button', { name: '复制为我的版本' }).click();
	await expect(page).toHaveURL(/\/library\/custom-[a-z2-7]+\/edit$/);
	const copyUrl = page.url().replace(/\/edit$/, '');
	await page.getByLabel('标题（中文）').fill(MY_TITLE);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page).toHaveURL(/\?saved=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(MY_TITLE);
	await expect(page.getByText('我的版本').first()).toBeVisible();

	// A refused edit names the field and loses nothing that was typed.
	await page.getByRole('link', { name: '编辑' }).click();
	await page.getByLabel('标题（英文）').fill('Typed, not yet saved');
	await page.getByLabel('学员互评占比（0–1）').fill('2');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('alert')).toContainText('有 1 处需要修改');
	await expect(page.getByText('请输入 0 到 1 之间的数字。').first()).toBeVisible();
	await expect(page.getByLabel('学员互评占比（0–1）')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('学员互评占比（0–1）')).toHaveValue('2');
	await expect(page.getByLabel('标题（英文）')).toHaveValue('Typed, not yet saved');
	await page.screenshot({ path: `${SHOTS}/library-edit-error.png`, fullPage: true });
	// Leaving with that typing unsaved asks first; staying keeps it. The first question must have
	// been answered before the second handler is set, or both would answer it.
	const stayed = new Promise<void>((resolve) => page.once('dialog', (d) => void d.dismiss().then(resolve)));
	await page.getByRole('link', { name: '返回预览' }).click();
	await stayed;
	await expect(page.getByLabel('标题（英文）')).toHaveValue('Typed, not yet saved');
	let asked = '';
	page.once('dialog', (d) => {
		asked = d.message();
		void d.accept();
	});
	await page.getByRole('link', { name: '返回预览' }).click();
	await expect(page).toHaveURL(copyUrl);
	expect(asked).toContain('还没有保存');
	await expect(page.getByRole('region', { name: '评分标准' })).toContainText('学员互评占 30%');

	// Two tabs on the same copy: the second save does not replace the first's unseen.
	const other = await page.context().newPage();
	await other.goto(`${copyUrl}/edit`);
	await page.goto(`${copyUrl}/edit`);
	await page.getByLabel('标题（英文）').fill('Saved in the first tab');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page).toHaveURL(/\?saved=1$/);
	await other.getByLabel('学员互评占比（0–1）').fill('0.5');
	await other.getByRole('button', { name: '保存' }).click();
	await expect(other.getByRole('alert')).toContainText('刚在另一个页面保存过');
	await expect(other.getByLabel('学员互评占比（0–1）')).toHaveValue('0.5');
	await page.goto(copyUrl);
	await expect(page.getByRole('region', { name: '评分标准' })).toContainText('学员互评占 30%');
	// Saved again, knowingly, it goes through.
	await other.getByRole('button', { name: '保存' }).click();
	await expect(other).toHaveURL(/\?saved=1$/);
	await expect(other.getByRole('region', { name: '评分标准' })).toContainText('学员互评占 50%');
	await other.close();

	// The copy is listed among "my exercises".
	await page.goto('/library');
	await expect(page.getByRole('region', { name: '我的练习' }).getByRole('link', { name: MY_TITLE })).toBeVisible();
});

test('a custom copy goes on a new workshop’s agenda, reordered by button, mouse and finger', async ({ page, browser }) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await login(page, createFacilitator('议程讲师'));
	const myTitle = `${MY_TITLE} 议程`;
	await page.goto('/library?kind=pest');
	await page.getByRole('link', { name: PEST }).click();
	await page.getByRole('button', { name: '复制为我的版本' }).click();
	await page.getByLabel('标题（中文）').fill(myTitle);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(myTitle);

	// A new workshop: the copy is in the agenda picker; add it and a fishbone.
	await page.goto('/workshops/new');
	await page.getByLabel('标题').fill('练习库测试工作坊');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('练习库测试工作坊');
	const workshopUrl = page.url();
	await expect(page.locator('#exercise optgroup[label="我的练习"] option', { hasText: myTitle })).toHaveCount(1);
	await page.getByLabel('练习', { exact: true }).selectOption({ label: myTitle });
	await page.getByRole('button', { name: '添加练习' }).click();
	await expect.poll(() => agendaTitles(page)).toEqual([myTitle]);
	const fishLabel = (await page.locator('#exercise option', { hasText: FISH }).first().innerText()).trim();
	await page.getByLabel('练习', { exact: true }).selectOption({ label: fishLabel });
	await page.getByRole('button', { name: '添加练习' }).click();
	await expect.poll(() => agendaTitles(page)).toEqual([myTitle, fishLabel]);

	// Reorder with the buttons (keyboard and touch friendly); the focus stays on the moved item.
	await page.getByRole('button', { name: `下移：${myTitle}` }).click();
	await expect.poll(() => agendaTitles(page)).toEqual([fishLabel, myTitle]);
	await expect(page.getByRole('button', { name: `上移：${myTitle}` })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: '已移到第 2 位' })).toHaveCount(1);
	await page.keyboard.press('Enter');
	await expect.poll(() => agendaTitles(page)).toEqual([myTitle, fishLabel]);

	// Reorder by dragging with the mouse.
	const items = page.getByRole('region', { name: '议程' }).getByRole('listitem');
	await mouseDrag(page, items.nth(1), items.nth(0));
	await expect.poll(() => agendaTitles(page)).toEqual([fishLabel, myTitle]);
	await page.screenshot({ path: `${SHOTS}/library-agenda.png`, fullPage: true });
	await page.reload();
	await expect.poll(() => agendaTitles(page)).toEqual([fishLabel, myTitle]);

	// And with a finger, on a touch tablet in portrait.
	const tablet = await browser.newContext({ locale: 'zh-CN', viewport: { width: 768, height: 1024 }, hasTouch: true, storageState: await page.context().storageState() });
	const t = await tablet.newPage();
	await t.goto(workshopUrl);
	await expect.poll(() => agendaTitles(t)).toEqual([fishLabel, myTitle]);
	const titems = t.getByRole('region', { name: '议程' }).getByRole('listitem');
	// The server-rendered list shows before the page is live; a touch before hydration does nothing.
	// The run buttons are enabled only once the page is hydrated and its live document synced.
	await expect(titems.getByRole('button', { name: '在平板上开启' })).toHaveCount(2);
	for (const b of await titems.getByRole('button', { name: '在平板上开启' }).all()) await expect(b).toBeEnabled();
	const from = (await titems.nth(1).locator('.handle').boundingBox())!;
	const to = (await titems.nth(0).boundingBox())!;
	const cdp = await tablet.newCDPSession(t);
	const x = from.x + from.width / 2;
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from.y + from.height / 2 }] });
	for (let i = 1; i <= 8; i++) {
		const y = from.y + from.height / 2 + ((to.y + 4 - (from.y + from.height / 2)) * i) / 8;
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
	}
	// Still held: the item follows the finger before anything is saved.
	await expect(titems.nth(0)).toHaveClass(/dragging/);
	await expect.poll(() => agendaTitles(t)).toEqual([myTitle, fishLabel]);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await expect(titems.nth(0)).not.toHaveClass(/dragging/);
	// Saved: the order stays, and no refusal shows (a failure prints whatever alert did).
	await expect.poll(async () => ({ titles: await agendaTitles(t), alerts: await t.getByRole('alert').allInnerTexts() })).toEqual({ titles: [myTitle, fishLabel], alerts: [] });
	await t.screenshot({ path: `${SHOTS}/library-agenda-tablet.png`, fullPage: true });
	await tablet.close();
	await page.reload();
	await expect.poll(() => agendaTitles(page)).toEqual([myTitle, fishLabel]);
});

test('another facilitator cannot open someone else’s copy', async ({ page, browser }) => {
	await login(page, createFacilitator('甲'));
	await page.goto('/library');
	await page.getByRole('link', { name: PEST }).click();
	await page.getByRole('button', { name: '复制为我的版本' }).click();
	await expect(page).toHaveURL(/\/edit$/);
	const editUrl = new URL(page.url()).pathname;

	const other = await browser.newContext({ locale: 'zh-CN' });
	const p2 = await other.newPage();
	await login(p2, createFacilitator('乙'));
	const res = await p2.goto(editUrl);
	expect(res?.status()).toBe(404);
	expect((await p2.goto(editUrl.replace(/\/edit$/, '')))?.status()).toBe(404);
	await p2.goto('/library');
	await expect(p2.getByRole('region', { name: '我的练习' })).toHaveCount(0);

	// Small screens: the library and the preview fit a phone.
	await p2.setViewportSize({ width: 390, height: 844 });
	await p2.getByRole('link', { name: FISH }).click();
	await expect(p2.getByRole('region', { name: '白板样式' })).toContainText('人效');
	const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await p2.screenshot({ path: `${SHOTS}/library-preview-phone.png`, fullPage: true });
	await other.close();
});

test('a copy that no longer fits the format can still be deleted from the library', async ({ page }) => {
	await login(page, createFacilitator('丙'));
	await page.goto('/library');
	await page.getByRole('link', { name: PEST }).click();
	await page.getByRole('button', { name: '复制为我的版本' }).click();
	await expect(page).toHaveURL(/\/edit$/);
	const id = new URL(page.url()).pathname.split('/')[2];
	// As a copy stored before the format was tightened: it no longer validates.
	const db = new Database(E2E_DB);
	db.pragma('busy_timeout = 5000');
	db.prepare("UPDATE custom_exercise SET definition = json_set(definition, '$.duration_minutes', -1) WHERE id = ?").run(id);
	db.close();
	expect((await page.goto(`/library/${id}`))?.status()).toBe(404);
	await page.goto('/library');
	const problems = page.getByRole('region', { name: /我的练习中有无法使用的版本/ });
	await expect(problems).toContainText(id);
	page.once('dialog', (dialog) => dialog.accept());
	await problems.getByRole('button', { name: '删除这个版本' }).click();
	await expect(page).toHaveURL(/\/library\?deleted=1$/);
	await expect(page.getByText(id)).toHaveCount(0);
});
