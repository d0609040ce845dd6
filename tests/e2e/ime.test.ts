import { expect, test } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';

// Typing Chinese with a pinyin keyboard: the letters of an unfinished composition stay on the
// typist's tablet; the group gets the characters once they are chosen.

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
