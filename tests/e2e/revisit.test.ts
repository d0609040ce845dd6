import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DB, createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// After the workshop: a learner comes back days later on another device with the code from
// their slip, finds the group's board as it ended (read-only) with the trainer's score, writes
// the learning report, which survives a reload and gets the trainer's comment; another
// learner's code opens only their own recap; deleting the workshop leaves nothing behind.

const NOTE = '县域快递补贴政策 ' + Date.now();
const DRAFT = '这次工作坊让我重新审视了本网点的揽收业务。';
const PARAGRAPH = '结合我所在的分拨中心，政策层面要争取县域快递补贴，经济层面要避免价格战，社会层面要跟上直播电商，技术层面要上自动分拣。';

/** A fresh device: no cookies, no storage, as on another tablet or phone days later. */
async function freshDevice(browser: Browser, viewport = { width: 768, height: 1024 }): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport, hasTouch: true });
	return context.newPage();
}

/** Counts every row the workshop left in the database, table by table. */
function leftovers(workshopId: string) {
	const db = new Database(E2E_DB, { readonly: true });
	try {
		const n = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
		const ids = [workshopId, ...['activity', 'workshop_group', 'participant'].flatMap((t) => (db.prepare(`SELECT id FROM ${t} WHERE workshop_id = ?`).all(workshopId) as { id: string }[]).map((r) => r.id))];
		const docs = (db.prepare('SELECT DISTINCT doc FROM yjs_update').all() as { doc: string }[]).filter((r) => ids.some((id) => r.doc.includes(id)));
		return {
			workshop: n('SELECT count(*) AS n FROM workshop WHERE id = ?', workshopId),
			groups: n('SELECT count(*) AS n FROM workshop_group WHERE workshop_id = ?', workshopId),
			activities: n('SELECT count(*) AS n FROM activity WHERE workshop_id = ?', workshopId),
			participants: n('SELECT count(*) AS n FROM participant WHERE workshop_id = ?', workshopId),
			snapshots: n('SELECT count(*) AS n FROM snapshot WHERE workshop_id = ?', workshopId),
			scores: n('SELECT count(*) AS n FROM score WHERE activity_id NOT IN (SELECT id FROM activity)'),
			reflections: n('SELECT count(*) AS n FROM reflection WHERE participant_id NOT IN (SELECT id FROM participant)'),
			docs: docs.length
		};
	} finally {
		db.close();
	}
}

test('a learner revisits the ended workshop on a fresh device, writes the report, and delete removes it all', async ({ page, browser }) => {
	test.setTimeout(600_000);
	page.on('dialog', (dialog) => dialog.accept());
	await login(page, createFacilitator());
	const title = `回看测试 ${Date.now()}`;
	const { id } = await liveWorkshop(page, { title, groups: 2, exerciseId: 'pest-express-market' });
	const joinCode = (await page.locator('.code').innerText()).trim();
	const alice = await joinAs(browser, joinCode, '小李', '第1组');
	const bob = await joinAs(browser, joinCode, '小王', '第2组');

	// The group works.
	await alice.getByRole('button', { name: '添加便签：政治' }).click();
	await alice.getByLabel('新便签内容').fill(NOTE);
	await alice.getByRole('button', { name: '保存' }).click();
	await expect(alice.getByRole('article', { name: NOTE })).toBeVisible();

	// The personal code is there any time, from the learner's bar.
	await alice.getByRole('button', { name: '我的回看码' }).click();
	const aliceCode = (await alice.locator('dialog [data-code]').getAttribute('data-code'))!;
	expect(aliceCode).toMatch(/^[A-Z2-9]{10}$/);
	await alice.getByRole('button', { name: '关闭' }).click();

	// The trainer scores group 1 (straight into the table the scoring panel writes).
	const db = new Database(E2E_DB);
	db.pragma('busy_timeout = 5000');
	const activityId = (db.prepare('SELECT id FROM activity WHERE workshop_id = ?').get(id) as { id: string }).id;
	const group1 = (db.prepare('SELECT id FROM workshop_group WHERE workshop_id = ? AND position = 1').get(id) as { id: string }).id;
	const rubricKey = (db.prepare("SELECT json_extract(definition, '$.rubric.criteria[0].key') AS k FROM activity WHERE id = ?").get(activityId) as { k: string }).k;
	db.prepare(
		"INSERT INTO score (id, activity_id, group_id, scorer_kind, scorer_group_id, scorer_key, submitted_by, marks, comments, comment, created_at, updated_at) VALUES (?, ?, ?, 'facilitator', NULL, 'facilitator', 'f:x', ?, ?, ?, ?, ?)"
	).run('e2escore00000000', activityId, group1, JSON.stringify({ [rubricKey]: 4 }), JSON.stringify({ [rubricKey]: '机会抓得准' }), '对策再具体一些', Date.now(), Date.now());
	db.close();

	// The workshop ends: the tablets show the end view with the slip.
	await page.goto(`/workshops/${id}`);
	await page.getByRole('button', { name: '结束工作坊' }).click();
	await expect(page.getByRole('button', { name: '重新开放' })).toBeVisible();
	// Ended, nothing on the agenda reads as still running.
	await expect(page.getByText('正在进行', { exact: true })).toHaveCount(0);
	// Results after the end: the marks are a correction away, with nothing left to open or close.
	await page.goto(`/workshops/${id}/results`);
	await expect(page.getByRole('button', { name: '结束评分' })).toHaveCount(0);
	await page.getByText('修改讲师评分').click();
	await expect(page.getByRole('group', { name: '评分控制' })).toContainText('工作坊已结束，学员互评已停止');
	await expect(page.getByRole('button', { name: /^(开放评分|结束评分|重新开放评分)$/ })).toHaveCount(0);
	await expect(alice.getByRole('heading', { name: /工作坊结束了/ })).toBeVisible({ timeout: 20_000 });
	await expect(alice.locator('main [data-code]')).toHaveText(`${aliceCode.slice(0, 5)}-${aliceCode.slice(5)}`);
	await alice.screenshot({ path: 'test-results/screenshots/revisit-end-view.png', fullPage: true });
	await expect(bob.getByRole('heading', { name: /工作坊结束了/ })).toBeVisible({ timeout: 20_000 });
	const bobCode = (await bob.locator('main [data-code]').getAttribute('data-code'))!;

	// Days later, another device: the code, typed in lower case with the dash, opens the recap.
	const later = await freshDevice(browser);
	// The start page leads there too, for someone who only remembers the address.
	await later.goto('/');
	await later.getByRole('link', { name: /用回看码查看/ }).click();
	await expect(later).toHaveURL(/\/r$/);
	await later.getByLabel('回看码').fill(`${aliceCode.slice(0, 5)}-${aliceCode.slice(5)}`.toLowerCase());
	await later.getByRole('button', { name: '打开' }).click();
	await expect(later).toHaveURL(new RegExp(`/r/${aliceCode}$`));
	await expect(later.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(later.getByText(NOTE).first()).toBeVisible();
	// Read-only: no way to add, edit or vote on the board; the only text field is the report.
	await expect(later.getByRole('button', { name: /添加便签/ })).toHaveCount(0);
	await expect(later.getByRole('button', { name: /编辑|删除|投票/ })).toHaveCount(0);
	await expect(later.getByRole('textbox')).toHaveCount(1);
	// The group's score, with the criterion's comment and the trainer's words.
	await expect(later.getByRole('region', { name: '讲师评分' })).toContainText('4 / 5');
	await expect(later.getByText('机会抓得准')).toBeVisible();
	await expect(later.getByText('对策再具体一些')).toBeVisible();

	// The report autosaves and survives a reload.
	const report = later.getByLabel('报告正文');
	await report.fill(DRAFT);
	await expect(later.getByText(/已保存（/)).toBeVisible();
	await expect(later.getByText(`${[...DRAFT].length} / 1000 字`)).toBeVisible();
	await expect(later.getByRole('button', { name: '提交报告' })).toBeDisabled();
	await later.reload();
	await expect(later.getByLabel('报告正文')).toHaveValue(DRAFT);
	// The server-rendered value shows before hydration, which would reset what is typed next.
	await later.waitForLoadState('networkidle');
	await later.screenshot({ path: 'test-results/screenshots/revisit-recap.png', fullPage: true });

	// Meanwhile the report is changed on a second device; this one, still on the older text, is
	// stopped before it replaces that, and shows what was written there.
	const phone = await freshDevice(browser);
	await phone.goto(`/r/${aliceCode}`);
	await phone.waitForLoadState('networkidle');
	await phone.getByLabel('报告正文').fill('在手机上写的一段');
	await expect(phone.getByText(/已保存（/)).toBeVisible();
	await later.getByLabel('报告正文').fill(DRAFT + '（补一句）');
	const conflict = later.getByRole('alert').filter({ hasText: '另一个页面或设备上改过' });
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText('在手机上写的一段');
	await conflict.getByRole('button', { name: '用这里的版本' }).click();
	await expect(later.getByText(/已保存（/)).toBeVisible();
	await phone.reload();
	await expect(phone.getByLabel('报告正文')).toHaveValue(DRAFT + '（补一句）');
	await phone.context().close();

	// Long enough now (counted in characters, as for Chinese): submit.
	const full = DRAFT + '\n\n' + PARAGRAPH.repeat(Math.ceil(1000 / [...PARAGRAPH].length));
	await later.getByLabel('报告正文').fill(full);
	await expect(later.getByText('已达到字数要求')).toBeVisible();
	await later.getByRole('button', { name: '提交报告' }).click();
	await expect(later.getByText(/^已于 .* 提交$/)).toBeVisible();

	// The trainer reads it and comments; the learner sees the comment.
	await page.goto(`/workshops/${id}`);
	await page.getByRole('link', { name: '学习报告' }).click();
	await expect(page.getByRole('heading', { name: '小李' })).toBeVisible();
	await page.getByLabel('给 小李 的点评').fill('联系实际，很具体。');
	await page.getByRole('button', { name: '保存点评' }).click();
	await expect(page.getByText('点评已保存')).toBeVisible();
	await later.reload();
	await expect(later.getByText('联系实际，很具体。')).toBeVisible();

	// The export: printable page and Markdown with the board, the score and the report.
	const md = await later.request.get(`/r/${aliceCode}/export.md`);
	expect(md.headers()['content-disposition']).toContain('attachment');
	const text = await md.text();
	expect(text).toContain(`# ${title}`);
	expect(text).toContain(NOTE);
	expect(text).toContain('4 / 5');
	expect(text).toContain(PARAGRAPH);
	await later.goto(`/r/${aliceCode}/export`);
	await expect(later.getByText(NOTE).first()).toBeVisible();
	await later.emulateMedia({ media: 'print' });
	await expect(later.getByRole('button', { name: '打印' })).toBeHidden();
	await later.emulateMedia({ media: 'screen' });

	// "My workshops" on the tablet lists it.
	await alice.goto('/me');
	await expect(alice.getByRole('link', { name: title })).toBeVisible();
	// Removing it hands the shared tablet on: the list stays empty, even though this tablet was
	// signed in to that very workshop, and the tablet no longer opens Alice's board.
	await alice.getByRole('button', { name: `从本设备移除：${title}` }).click();
	await expect(alice.getByRole('link', { name: title })).toHaveCount(0);
	await alice.reload();
	await expect(alice.getByRole('link', { name: title })).toHaveCount(0);
	await alice.goto('/play');
	await expect(alice).toHaveURL(/\/join/);

	// Bob's code opens Bob's recap: his group's board, his (empty) report, never Alice's.
	const other = await freshDevice(browser, { width: 390, height: 844 });
	await other.goto(`/r/${bobCode}`);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(other.getByLabel('报告正文')).toHaveValue('');
	await expect(other.getByText(PARAGRAPH.slice(0, 20))).toHaveCount(0);
	await expect(other.getByText(NOTE)).toHaveCount(0);
	await other.screenshot({ path: 'test-results/screenshots/revisit-phone.png', fullPage: true });

	// A guessed code gets a clear message.
	await other.goto('/r/ZZZZZZZZZZ');
	await expect(other.getByRole('alert')).toContainText('没有找到这个回看码');
	// What was typed stays in the field, to correct one character rather than retype ten.
	await expect(other.getByLabel('回看码')).toHaveValue('ZZZZZZZZZZ');

	// Delete: type the title, and everything of the workshop is gone.
	await page.goto(`/workshops/${id}`);
	await page.getByRole('link', { name: '删除…' }).click();
	await expect(page.getByRole('button', { name: '永久删除' })).toBeDisabled();
	await page.getByLabel(/请输入工作坊标题/).fill(title);
	await page.getByRole('button', { name: '永久删除' }).click();
	await expect(page).toHaveURL(/\/workshops\?deleted=1$/);
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	// Tablets still open when it was deleted close their rooms shortly after: wait for that too.
	await expect.poll(() => leftovers(id), { timeout: 45_000, intervals: [1000] }).toEqual({ workshop: 0, groups: 0, activities: 0, participants: 0, snapshots: 0, scores: 0, reflections: 0, docs: 0 });
	await later.goto(`/r/${aliceCode}`);
	await expect(later.getByRole('alert')).toContainText('没有找到这个回看码');
});

test('the workshop list archives, duplicates and reopens', async ({ page }) => {
	await login(page, createFacilitator());
	const title = `模板课 ${Date.now()}`;
	const { id } = await liveWorkshop(page, { title, groups: 3, exerciseId: 'pest-express-market' });
	page.on('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: '结束工作坊' }).click();
	await expect(page.getByRole('button', { name: '重新开放' })).toBeVisible();

	await page.goto('/workshops');
	await page.getByRole('button', { name: `复制为新工作坊：${title}`, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (副本)`);
	await expect(page.getByRole('button', { name: '开始工作坊' })).toBeVisible();

	await page.goto('/workshops');
	await page.getByRole('button', { name: `归档：${title}`, exact: true }).click();
	await expect(page.getByText(/已归档（1）/)).toBeVisible();
	await page.getByText(/已归档（1）/).click();
	await page.getByRole('button', { name: `取消归档：${title}`, exact: true }).click();
	await expect(page.getByText(/已归档/)).toHaveCount(0);

	await page.getByRole('button', { name: `重新开放：${title}`, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/workshops/${id}`));
	await expect(page.getByRole('button', { name: '结束工作坊' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/revisit-workshops.png', fullPage: true });
});
