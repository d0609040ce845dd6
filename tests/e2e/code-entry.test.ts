import { expect, test } from '@playwright/test';

// The six code boxes on a tablet: correcting a box, refusing what is no code character,
// and spreading a pasted code.

test.use({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });

const box = (page: import('@playwright/test').Page, n: number) => page.getByLabel(`加入码第 ${n} 位`);
const values = (page: import('@playwright/test').Page) =>
	page.locator('input[name^="c"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(','));

test('a box corrected by tapping it and typing holds only the new character', async ({ page }) => {
	await page.goto('/join');
	await page.waitForLoadState('networkidle');
	await box(page, 1).tap();
	await page.keyboard.type('abcde');
	await expect.poll(() => values(page)).toBe('A,B,C,D,E,');

	// Tap the second box (it holds B) and type X, with the caret after the B and then before it.
	await box(page, 2).tap();
	await page.keyboard.press('End');
	await page.keyboard.type('x');
	await expect.poll(() => values(page)).toBe('A,X,C,D,E,');
	await expect(box(page, 3)).toBeFocused();
	await box(page, 2).tap();
	await page.keyboard.press('Home');
	await page.keyboard.type('y');
	await expect.poll(() => values(page)).toBe('A,Y,C,D,E,');

	// 0, O, 1, I and L are not in codes: the box stays empty instead of showing them.
	await box(page, 6).tap();
	await page.keyboard.type('0');
	await expect.poll(() => values(page)).toBe('A,Y,C,D,E,');
	await expect(box(page, 6)).toHaveValue('');
});

test('a code pasted into the first box spreads over all six', async ({ page }) => {
	await page.goto('/join');
	await page.waitForLoadState('networkidle');
	await box(page, 1).tap();
	// Full-width, as a Chinese keyboard types it; the boxes read it as ASCII and submit.
	await page.keyboard.insertText('ＡＢ２ＣＤ３');
	// No workshop has that code: the answer says so and gives the boxes back as they were sent.
	await expect(page.getByRole('alert')).toBeVisible();
	await expect.poll(() => values(page)).toBe('A,B,2,C,D,3');
});
