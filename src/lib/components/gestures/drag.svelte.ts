import type { Attachment } from 'svelte/attachments';
import { listen } from './listen';
import { PRESS_SLOP } from './long-press';

/** Distance (px) from the top or bottom of the window within which a drag scrolls the page. */
const EDGE = 56;

/**
 * Dragging items onto drop zones with a finger, a pen or a mouse (Pointer Events). Drop zones are
 * elements with a `data-drop="<key>"` attribute; `handle(id)` is an attachment for the element
 * that starts the drag, which should have `touch-action: none` so the page neither scrolls nor
 * zooms under the finger. Near the window's top or bottom edge the page scrolls along, so a phone
 * can reach a zone off screen. A tap that does not move is left alone (it stays a click).
 */
export class PointerDrag<K extends string> {
	#dragging = $state<string | null>(null);
	#over = $state<K | null>(null);
	#offset = $state({ x: 0, y: 0 });
	#accept: (key: string) => key is K;
	#drop: (id: string, target: K) => void;
	#enabled: () => boolean;

	/**
	 * @param accept which `data-drop` keys are zones of this drag
	 * @param drop called once when an item is let go over a zone
	 * @param enabled when false, handles do not start drags
	 */
	constructor(accept: (key: string) => key is K, drop: (id: string, target: K) => void, enabled: () => boolean = () => true) {
		this.#accept = accept;
		this.#drop = drop;
		this.#enabled = enabled;
	}

	/** The id of the item being dragged, or null. */
	get dragging(): string | null {
		return this.#dragging;
	}

	/** The zone under the pointer while dragging, or null. */
	get over(): K | null {
		return this.#over;
	}

	/** How far the dragged item has travelled from where the drag started (px, including scrolling). */
	get offset(): { x: number; y: number } {
		return this.#offset;
	}

	/** An attachment for the element that drags item `id`. */
	handle(id: string): Attachment<HTMLElement> {
		return (element) => {
			let pointer: number | null = null;
			let start = { x: 0, y: 0, scroll: 0 };
			let last = { x: 0, y: 0 };
			let moved = false;
			let frame = 0;

			const zoneAt = (x: number, y: number): K | null => {
				for (const el of document.elementsFromPoint(x, y)) {
					const key = (el as HTMLElement).dataset?.drop;
					if (key !== undefined) return this.#accept(key) ? key : null;
				}
				return null;
			};
			const follow = () => {
				this.#offset = { x: last.x - start.x, y: last.y - start.y + (window.scrollY - start.scroll) };
				this.#over = zoneAt(last.x, last.y);
			};
			const scrollLoop = () => {
				frame = 0;
				if (pointer === null || !moved) return;
				const step = last.y < EDGE ? -12 : last.y > window.innerHeight - EDGE ? 12 : 0;
				if (step !== 0) {
					window.scrollBy(0, step);
					follow();
					frame = requestAnimationFrame(scrollLoop);
				}
			};
			const end = (commit: boolean) => {
				if (pointer !== null && element.hasPointerCapture(pointer)) element.releasePointerCapture(pointer);
				pointer = null;
				if (frame) cancelAnimationFrame(frame);
				frame = 0;
				const target = this.#over;
				const wasDragging = moved;
				this.#dragging = null;
				this.#over = null;
				this.#offset = { x: 0, y: 0 };
				if (wasDragging && commit && target) this.#drop(id, target);
			};
			const down = (event: PointerEvent) => {
				if (!event.isPrimary || event.button !== 0 || !this.#enabled()) return;
				pointer = event.pointerId;
				moved = false;
				start = { x: event.clientX, y: event.clientY, scroll: window.scrollY };
				last = { x: event.clientX, y: event.clientY };
				element.setPointerCapture(event.pointerId);
			};
			const move = (event: PointerEvent) => {
				if (event.pointerId !== pointer) return;
				last = { x: event.clientX, y: event.clientY };
				if (!moved && Math.hypot(last.x - start.x, last.y - start.y) <= PRESS_SLOP) return;
				if (!moved) {
					moved = true;
					this.#dragging = id;
				}
				event.preventDefault();
				follow();
				if (!frame) frame = requestAnimationFrame(scrollLoop);
			};
			const up = (event: PointerEvent) => {
				if (event.pointerId === pointer) end(true);
			};
			const cancel = (event: PointerEvent) => {
				if (event.pointerId === pointer) end(false);
			};
			const click = (event: MouseEvent) => {
				// The click that ends a drag is not a tap.
				if (!moved) return;
				moved = false;
				event.preventDefault();
				event.stopPropagation();
			};
			const key = (event: KeyboardEvent) => {
				if (event.key === 'Escape' && pointer !== null) end(false);
			};

			const unlisten = [
				listen(element, { pointerdown: down, pointermove: move, pointerup: up, pointercancel: cancel, lostpointercapture: cancel }),
				listen(element, { click }, true),
				listen(window, { keydown: key })
			];
			return () => {
				if (pointer !== null) end(false);
				for (const off of unlisten) off();
			};
		};
	}
}
