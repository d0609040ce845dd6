import type { Attachment } from 'svelte/attachments';

/**
 * Shrinks an element's font size, from its own CSS size down to `min` times that, until its
 * bottom edge is inside the window, with the lowest `free` share of the window's height kept
 * clear. The projector has no scroll bar: what falls below the screen is lost to the room, so a
 * long board is better a little smaller. Sizes inside follow the font size (em), the fishbone
 * diagram too. Fits again when the window changes or the content does (notes arrive live).
 */
export function fitToScreen({ min = 0.5, free = 0 }: { min?: number; free?: number } = {}): Attachment<HTMLElement> {
	return (el) => {
		let frame = 0;
		const fit = () => {
			frame = 0;
			el.style.fontSize = '';
			const base = parseFloat(getComputedStyle(el).fontSize);
			const limit = window.innerHeight * (1 - free);
			let scale = 1;
			while (scale > min && el.getBoundingClientRect().bottom > limit) {
				scale = Math.max(min, scale * 0.9);
				el.style.fontSize = `${base * scale}px`;
			}
		};
		// All in one frame, before it is painted: the room never sees the steps.
		const schedule = () => {
			frame ||= requestAnimationFrame(fit);
		};
		// Not the element's own attributes: setting its size must not set off another fit.
		const content = new MutationObserver(schedule);
		content.observe(el, { childList: true, subtree: true, characterData: true });
		window.addEventListener('resize', schedule);
		schedule();
		return () => {
			content.disconnect();
			window.removeEventListener('resize', schedule);
			if (frame) cancelAnimationFrame(frame);
			el.style.fontSize = '';
		};
	};
}
