import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// The moments-of-truth text boxes on two tablets of one group: a box only tapped into writes
// nothing back over a teammate's change; the letters of an unfinished pinyin composition stay on
// the typist's tablet, and the group gets the characters once they are chosen.

test('a teammate sees the committed characters, never the pinyin being composed', async ({ page, browser }) => {
	test.setTimeout(3 * 60_000);
	await login(page, createFacilitator('输入法讲师'));
	const { code } = await liveWorkshop(page, { title: `拼音输入 ${Date.now().toString(36)}`, groups: 1, exerciseId: 'mot-contact-tools' });
	const typist = await joinAs(browser, code, '小李', '第1组');
	const mate = await joinAs(browser, code, '小王', '第1组');
	const field = typist.getByLabel('我们的客户是谁');
	const seen = mate.getByLabel('我们的客户是谁');
	await field.fill('网店');
	await expect(seen).toHaveValue('网店');

	// Compose "zhu" the way a pinyin keyboard does, and pause far longer than the save delay.
	const ime = await typist.context().newCDPSession(typist);
	await field.press('End');
	for (const text of ['z', 'zh', 'zhu']) await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
	await expect(field).toHaveValue('网店zhu');
	await typist.waitForTimeout(2000);
	await expect(seen).toHaveValue('网店');

	// Choosing 主 commits it: now it travels.
	await ime.send('Input.insertText', { text: '主' });
	await expect(field).toHaveValue('网店主');
	await expect(seen).toHaveValue('网店主');
});

test('a box tapped into and left without typing keeps the teammate’s change', async ({ page, browser }) => {
	test.setTimeout(3 * 60_000);
	await login(page, createFacilitator('文本框讲师'));
	const { code } = await liveWorkshop(page, { title: `文本框 ${Date.now().toString(36)}`, groups: 1, exerciseId: 'mot-contact-tools' });
	const a = await joinAs(browser, code, '小甲', '第1组');
	const b = await joinAs(browser, code, '小乙', '第1组');
	const mine = a.getByLabel('我们的客户是谁');
	const theirs = b.getByLabel('我们的客户是谁');
	await mine.fill('第一版');
	await mine.blur();
	await expect(theirs).toHaveValue('第一版');

	// A taps into the box to read it; B rewrites it meanwhile, and A sees that while still in it.
	await mine.focus();
	await theirs.fill('乙写的新版本');
	await theirs.blur();
	await expect(mine).toHaveValue('乙写的新版本');
	// A leaves without typing: nothing is written back.
	await mine.blur();
	await a.waitForTimeout(1500);
	await expect(theirs).toHaveValue('乙写的新版本');
	await expect(mine).toHaveValue('乙写的新版本');

	// Typing after the change starts from the teammate's text.
	await mine.focus();
	await mine.press('End');
	await mine.pressSequentially('（补充）');
	await mine.blur();
	await expect(theirs).toHaveValue('乙写的新版本（补充）');
});
