import type { Attachment } from 'svelte/attachments';
import { listen } from './listen';

/** How long a finger rests before a press counts as a long-press, in milliseconds. */
export const LONG_PRESS_MS = 500;
/** How far (px) a pointer may wander during a press before it is a scroll or a drag instead. */
export const PRESS_SLOP = 10;

/** Elements whose own press means something: a long-press never starts on them. */
const INTERACTIVE = 'button, a, input, select, textarea, summary, label, [contenteditable="true"]';

/** Options of `longPress`. */
export type LongPressOptions = {
	/** Hold time in ms; default `LONG_PRESS_MS`. */
	delay?: number;
	/** When false the element ignores presses (e.g. a read-only board). */
	enabled?: () => boolean;
};

/**
 * An attachment that calls `onPress` when a finger, pen or mouse rests on the element for about
 * half a second without moving, and on a right-click or the system's context-menu gesture. The
 * click that ends a long-press is swallowed, so the press does not also count as a tap.
 */
export function longPress(onPress: (at: { x: number; y: number }) => void, options: LongPressOptions = {}): Attachment<HTMLElement> {
	const delay = options.delay ?? LONG_PRESS_MS;
	return (element) => {
		let timer: ReturnType<typeof setTimeout> | null = null;
		let start = { x: 0, y: 0 };
		let fired = false;
		const enabled = () => options.enabled?.() ?? true;

		const cancel = () => {
			if (timer) clearTimeout(timer);
			timer = null;
		};
		const down = (event: PointerEvent) => {
			if (!event.isPrimary || event.button !== 0 || !enabled()) return;
			if ((event.target as Element | null)?.closest(INTERACTIVE)) return;
			fired = false;
			start = { x: event.clientX, y: event.clientY };
			cancel();
			timer = setTimeout(() => {
				timer = null;
				fired = true;
				onPress(start);
			}, delay);
		};
		const move = (event: PointerEvent) => {
			if (timer && Math.hypot(event.clientX - start.x, event.clientY - start.y) > PRESS_SLOP) cancel();
		};
		const click = (event: MouseEvent) => {
			if (!fired) return;
			fired = false;
			event.preventDefault();
			event.stopPropagation();
		};
		const contextmenu = (event: MouseEvent) => {
			if (!enabled() || (event.target as Element | null)?.closest('input, textarea, select')) return;
			event.preventDefault();
			// On touch screens the system's own long-press gesture arrives here too: open once.
			if (fired || timer) {
				cancel();
				if (fired) return;
			}
			fired = false;
			onPress({ x: event.clientX, y: event.clientY });
		};

		const unlisten = [
			listen(element, { pointerdown: down, pointermove: move, pointerup: cancel, pointercancel: cancel, pointerleave: cancel, contextmenu }),
			listen(element, { click }, true)
		];
		return () => {
			cancel();
			for (const off of unlisten) off();
		};
	};
}
