import { expect, type Locator, type Page } from '@playwright/test';

// Real touch input through the DevTools protocol: the browser turns these into touch and pointer
// events (pointerType "touch") and applies `touch-action`, as on a tablet.

type Point = { x: number; y: number };

/** The centre of an element in the viewport. */
export async function centre(locator: Locator): Promise<Point> {
	const box = await locator.boundingBox();
	expect(box, 'element is laid out').not.toBeNull();
	return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

/**
 * Puts a finger down at `from`, slides it to `to` in `steps` moves, and lifts it; `beforeLift`
 * runs while the finger still rests at `to`.
 */
export async function touchDrag(page: Page, from: Point, to: Point, steps = 15, beforeLift?: () => Promise<void>): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
	for (let i = 1; i <= steps; i++) {
		const point = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
		await page.waitForTimeout(16);
	}
	await beforeLift?.();
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/** Rests a finger on `at` for `ms` milliseconds without moving, then lifts it. */
export async function touchHold(page: Page, at: Point, ms: number): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
	await page.waitForTimeout(ms);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}
