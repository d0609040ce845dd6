import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login, rate } from './fixtures';

// The facilitator's laptop is in Beijing time, whatever the server's zone: the CSV follows the laptop.
test.use({ timezoneId: 'Asia/Shanghai' });

// A full scoring round on a PEST exercise with peer scoring (peer_weight 0.3): two groups,
// scoring opened on the results page, the facilitator scores both groups, each group scores
// the other from its tablet, the leaderboard ranks them, the room sees it only after the
// reveal, and the CSV export holds the same numbers.

const stamp = Date.now().toString(36);
const NOTE = `县域电商寄递需求 ${stamp}`;
const COMMENT = `因素具体，有本地数据 ${stamp}`;

// Criteria of pest-express-market: 环境洞察 ×2, 机会与威胁判断 ×2, 对策可行 ×3, 汇报表达 ×1.
const CRITERIA = ['环境洞察', '机会与威胁判断', '对策可行', '汇报表达'];
const marks = (...values: number[]) => Object.fromEntries(CRITERIA.map((c, i) => [c, values[i]]));
const FACILITATOR = { 第1组: marks(3, 3, 2, 4), 第2组: marks(5, 4, 4, 3) }; // 2.75 and 4.125
const PEER = { 第1组: marks(5, 5, 5, 4), 第2组: marks(4, 4, 4, 4) }; // from the other group: 4.875 and 4
// Final = 0.7 · facilitator + 0.3 · peers: 第1组 3.3875 → 3.39, 第2组 4.0875 → 4.09.
const FINAL = { 第1组: '3.39', 第2组: '4.09' };

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(cell), (cell = '');
		else if (ch === '\r') continue;
		else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
		else cell += ch;
	}
	return rows;
}

async function peerScore(learner: Page, group: string, values: Record<string, number>) {
	const panel = learner.getByRole('region', { name: '给其他小组评分' });
	await expect(panel).toBeVisible({ timeout: 20_000 });
	// Only the other group is offered: a group never scores itself.
	await expect(panel.getByRole('group', { name: '选择要评分的小组' }).getByRole('button')).toHaveCount(1);
	await expect(panel.getByRole('button', { name: new RegExp(group) })).toHaveAttribute('aria-pressed', 'true');
	await rate(panel, values);
	await panel.getByRole('button', { name: '提交评分' }).click();
	await expect(panel.getByRole('status')).toHaveText(`已提交对${group}的评分。`);
	await expect(panel.getByRole('button', { name: /已评/ })).toBeVisible();
	await expect(panel.getByRole('button', { name: '修改评分' })).toBeVisible();
}

test('a full scoring round: facilitator and peers score, the leaderboard ranks, the CSV agrees', async ({ page, browser }) => {
	// Three browsers and many steps: generous on a loaded machine.
	test.setTimeout(8 * 60_000);
	await login(page, createFacilitator('评分讲师'));
	const { id, code } = await liveWorkshop(page, { title: `评分演练 ${stamp}`, groups: 2, exerciseId: 'pest-express-market' });
	const a = await joinAs(browser, code, '小李', '第1组');
	const b = await joinAs(browser, code, '小王', '第2组');

	// Group 1 puts something on its board, for the printable report.
	await a.getByRole('button', { name: '添加便签：社会' }).click();
	await a.getByLabel('新便签内容').fill(NOTE);
	await a.getByRole('button', { name: '保存' }).click();
	await expect(a.getByRole('article', { name: NOTE })).toBeVisible();

	// The results page is linked from the workshop page; scoring opens there.
	await page.getByRole('link', { name: '成绩与报告' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '成绩与报告' })).toBeVisible();
	const controls = page.getByRole('group', { name: '评分控制' });
	await controls.getByRole('button', { name: '开放评分' }).click();
	await expect(controls.getByText('评分进行中')).toBeVisible();

	// Each group scores the other from its tablet.
	await peerScore(a, '第2组', PEER['第2组']);
	await peerScore(b, '第1组', PEER['第1组']);

	// A group scoring itself is refused with a clear message, even past the interface.
	const activityId = await activityIdOf(page, id);
	const self = await a.request.post('/api/scores', {
		data: { activityId, groupId: await groupIdOf(a, activityId), as: 'group', marks: { insight: 3, judgement: 3, countermeasures: 3, delivery: 3 } }
	});
	expect(self.status()).toBe(403);
	expect((await self.json()).message).toBe('不能给自己的小组评分。');

	// The facilitator scores both groups, one tap per criterion, with a comment.
	for (const group of ['第1组', '第2组'] as const) {
		await page.getByRole('group', { name: '小组' }).getByRole('button', { name: new RegExp(group) }).click();
		const panel = page.getByRole('region', { name: `为${group}评分` });
		await rate(panel, FACILITATOR[group]);
		if (group === '第2组') await panel.getByLabel('对“环境洞察”的点评（可选）').fill(COMMENT);
		await panel.getByRole('button', { name: '提交评分' }).click();
		await expect(panel.getByRole('status')).toContainText('已保存');
	}

	// The facilitator's preview of the leaderboard: group 2 first, with the mixed scores.
	const board = page.getByRole('region', { name: '排行榜' }).getByRole('region', { name: /PEST/ });
	const rows = board.getByRole('listitem');
	await expect(rows.nth(0)).toContainText('第2组', { timeout: 15_000 });
	await expect(rows.nth(0)).toContainText('第 1 名');
	await expect(rows.nth(0)).toContainText(FINAL['第2组']);
	await expect(rows.nth(1)).toContainText('第1组');
	await expect(rows.nth(1)).toContainText('第 2 名');
	await expect(rows.nth(1)).toContainText(FINAL['第1组']);
	await expect(page.getByText('仅讲师可见：排行榜尚未公布。')).toBeVisible();

	// The room sees nothing until the reveal.
	const before = await (await b.request.get(`/api/scores/leaderboard?workshop=${id}`)).json();
	expect(before.activities).toHaveLength(0);
	page.once('dialog', (d) => d.accept());
	await controls.getByRole('button', { name: '公布排行榜' }).click();
	await expect(controls.getByText(/排行榜已于/)).toBeVisible();
	const after = await (await b.request.get(`/api/scores/leaderboard?workshop=${id}`)).json();
	expect(after.activities[0].results.map((r: { final: number }) => r.final)).toEqual([Number(FINAL['第2组']), Number(FINAL['第1组'])]);

	// The report renders group 1's board from its stored document, with every score.
	await page.reload();
	await expect(page.getByText(NOTE)).toBeVisible();
	await expect(page.getByText(COMMENT).first()).toBeVisible();

	// The CSV: UTF-8 with BOM, one row per scorer × group × criterion, the same numbers.
	// The link asks for the times in this browser's time zone.
	const link = page.getByRole('link', { name: '导出 CSV' });
	await expect(link).toHaveAttribute('href', /\?tz=/);
	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.headers()['content-type']).toContain('text/csv');
	const bytes = await response.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const [header, ...data] = parseCsv(bytes.toString('utf8').slice(1));
	expect(header.slice(0, 4)).toEqual(['练习', '被评小组', '小组最终得分', '名次']);
	expect(data).toHaveLength(4 * CRITERIA.length);
	expect(header.at(-1)).toBe('更新时间（Asia/Shanghai）');
	expect(data[0].at(-1)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	const col = (name: string) => header.indexOf(name);
	for (const row of data) {
		const group = row[col('被评小组')] as '第1组' | '第2组';
		const fromFacilitator = row[col('评分类型')] === '讲师';
		const expected = (fromFacilitator ? FACILITATOR : PEER)[group][row[col('评分标准')]];
		expect(Number(row[col('分数')])).toBe(expected);
		expect(row[col('小组最终得分')]).toBe(FINAL[group]);
		expect(row[col('名次')]).toBe(group === '第2组' ? '1' : '2');
		if (!fromFacilitator) expect(row[col('评分者')]).toBe(group === '第1组' ? '第2组' : '第1组');
	}
	expect(data.some((r) => r[col('标准点评')] === COMMENT)).toBe(true);

	await page.screenshot({ path: 'test-results/screenshots/scoring-results.png', fullPage: true });
	await b.screenshot({ path: 'test-results/screenshots/scoring-peer-tablet.png', fullPage: true });
	await b.setViewportSize({ width: 390, height: 844 });
	await b.screenshot({ path: 'test-results/screenshots/scoring-peer-phone.png' });
	// The printable report: controls hidden, boards, scores and comments kept.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('region', { name: '讲师评分' })).toBeHidden();
	await expect(page.getByText(NOTE)).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/scoring-report-print.png', fullPage: true });
});

/** The id of the workshop's only activity, as the facilitator's leaderboard lists it. */
async function activityIdOf(page: Page, workshopId: string): Promise<string> {
	const res = await page.request.get(`/api/scores/leaderboard?workshop=${workshopId}`);
	return (await res.json()).activities[0].id;
}

/** The group of the learner on `learner`, as the scoring endpoint knows it. */
async function groupIdOf(learner: Page, activityId: string): Promise<string> {
	const res = await learner.request.get(`/api/scores?activity=${activityId}&as=group`);
	return (await res.json()).scorerGroupId;
}
