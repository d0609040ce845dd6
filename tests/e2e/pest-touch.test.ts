import { expect, test, type Page } from '@playwright/test';
import { createFacilitator, joinAs, liveWorkshop, login } from './fixtures';
import { centre, touchDrag, touchHold } from './touch';

// The PEST board with fingers alone: a note dragged by its handle onto another quadrant moves
// there (for the teammates too) without scrolling or zooming the page; a long-press opens the
// note's menu, a short tap does not; the same menu opens from the keyboard; a mouse drags too.

const stamp = Date.now().toString(36);

async function addNote(page: Page, quadrant: string, text: string) {
	await page.getByRole('button', { name: `添加便签：${quadrant}` }).click();
	await page.getByLabel('新便签内容').fill(text);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('article', { name: text })).toBeVisible();
}

const quadrant = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

for (const viewport of [
	{ width: 768, height: 1024, from: '政治', to: '技术' },
	{ width: 390, height: 844, from: '政治', to: '经济' }
]) {
	test(`drag and long-press with a finger at ${viewport.width}×${viewport.height}`, async ({ page, browser }) => {
		test.slow();
		await login(page, createFacilitator('触控讲师'));
		const { code } = await liveWorkshop(page, { title: `触控 PEST ${viewport.width} ${stamp}`, groups: 1, exerciseId: 'pest-express-market' });
		const tablet = await joinAs(browser, code, '小触', '第1组', viewport);
		const text = `拖到别的象限 ${viewport.width} ${stamp}`;
		await addNote(tablet, viewport.from, text);

		const note = quadrant(tablet, viewport.from).getByRole('article', { name: text });
		const handle = note.getByRole('button', { name: `便签菜单：${text}` });
		const box = await handle.boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(44);
		expect(box!.height).toBeGreaterThanOrEqual(44);

		// Drag: the finger on the handle, onto the target quadrant's heading area.
		const target = quadrant(tablet, viewport.to);
		// The note near the top of the window, so the next quadrant is in view below it.
		await handle.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 120));
		const view = () => tablet.evaluate(() => ({ y: window.scrollY, scale: window.visualViewport?.scale ?? 1 }));
		const before = await view();
		const to = await centre(target.getByRole('heading'));
		// Away from the window's edges, where a drag scrolls the page on purpose.
		expect(to.y).toBeGreaterThan(60);
		expect(to.y).toBeLessThan(viewport.height - 60);
		let during = before;
		await touchDrag(tablet, await centre(handle), to, 15, async () => {
			during = await view();
			// The quadrant under the finger says it will take the note.
			await expect(target).toHaveClass(/drop/);
		});
		// The page neither scrolled nor zoomed under the finger.
		expect(during.scale).toBe(before.scale);
		expect(Math.abs(during.y - before.y)).toBeLessThan(2);
		await expect(quadrant(tablet, viewport.to).getByRole('article', { name: text })).toBeVisible();
		await expect(quadrant(tablet, viewport.from).getByRole('article', { name: text })).toHaveCount(0);
		await expect(tablet.getByRole('status').filter({ hasText: `已移到“${viewport.to}”` })).toBeVisible();

		// A short tap on the note's text is only a tap; a long-press opens its menu.
		const moved = quadrant(tablet, viewport.to).getByRole('article', { name: text });
		await moved.getByText(text).tap();
		await expect(tablet.getByRole('dialog')).toHaveCount(0);
		await touchHold(tablet, await centre(moved.getByText(text)), 800);
		const menu = tablet.getByRole('dialog', { name: text });
		await expect(menu).toBeVisible();
		for (const button of await menu.getByRole('button').all()) {
			const b = await button.boundingBox();
			expect(b!.height).toBeGreaterThanOrEqual(44);
		}
		await menu.getByRole('button', { name: '威胁' }).tap();
		await expect(menu).toBeHidden();
		await expect(moved.getByRole('button', { name: '威胁' })).toHaveAttribute('aria-pressed', 'true');

		// Back to the first quadrant through the menu's "move to".
		await touchHold(tablet, await centre(moved.getByText(text)), 800);
		await tablet.getByRole('dialog', { name: text }).getByRole('button', { name: new RegExp(viewport.from) }).tap();
		await expect(quadrant(tablet, viewport.from).getByRole('article', { name: text })).toBeVisible();

		await tablet.screenshot({ path: `tests/screenshots/pest-touch-${viewport.width}x${viewport.height}.png` });
		await tablet.context().close();
	});
}

test('the note menu from the keyboard, and a mouse drag, reach the teammates', async ({ page, browser }) => {
	test.slow();
	await login(page, createFacilitator('键盘讲师'));
	const { code } = await liveWorkshop(page, { title: `键盘 PEST ${stamp}`, groups: 1, exerciseId: 'pest-express-market' });
	const laptop = await joinAs(browser, code, '小键', '第1组');
	const teammate = await joinAs(browser, code, '小伴', '第1组');
	const text = `键盘打开菜单 ${stamp}`;
	await addNote(laptop, '社会', text);

	const handle = laptop.getByRole('button', { name: `便签菜单：${text}` });
	await handle.focus();
	await laptop.keyboard.press('Enter');
	const menu = laptop.getByRole('dialog', { name: text });
	await expect(menu).toBeVisible();
	await expect(menu.getByRole('button').first()).toBeFocused();
	await laptop.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(handle).toBeFocused();

	// A mouse drag by the handle onto "经济".
	await handle.hover();
	await laptop.mouse.down();
	const to = await centre(quadrant(laptop, '经济').getByRole('heading'));
	await laptop.mouse.move(to.x, to.y, { steps: 12 });
	await laptop.mouse.up();
	await expect(quadrant(laptop, '经济').getByRole('article', { name: text })).toBeVisible();
	await expect(laptop.getByRole('dialog')).toHaveCount(0);
	await expect(quadrant(teammate, '经济').getByRole('article', { name: text })).toBeVisible();
	await expect(quadrant(teammate, '社会').getByRole('article', { name: text })).toHaveCount(0);
});
