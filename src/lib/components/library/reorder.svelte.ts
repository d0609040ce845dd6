// Drag-to-reorder for a vertical list, by mouse, pen or finger (pointer events with capture).
// While a drag is under way, and until the new order is saved, the list shows the local order;
// afterwards it follows the source again. Keyboard users reorder with up/down buttons instead.

/** The reorder state of one list whose items carry `data-reorder-id`. */
export class DragReorder {
	#pending = $state<string[] | null>(null);
	#dragging = $state<string | null>(null);
	#before: string[] = [];
	#source: () => string[];
	#commit: (ids: string[]) => Promise<void>;

	/** `source` reads the saved order; `commit` saves a new one (and refreshes the source). */
	constructor(source: () => string[], commit: (ids: string[]) => Promise<void>) {
		this.#source = source;
		this.#commit = commit;
	}

	/** The order to show: the local one during a drag or save, the saved one otherwise. */
	get ids(): string[] {
		return this.#pending ?? this.#source();
	}

	/** The id being dragged, if any. */
	get dragging(): string | null {
		return this.#dragging;
	}

	/** Starts dragging `id`; the pointer is captured so the drag follows it outside the handle. */
	start(id: string, event: PointerEvent): void {
		if (event.pointerType === 'mouse' && event.button !== 0) return;
		event.preventDefault();
		(event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId);
		this.#before = this.ids.slice();
		this.#pending = this.#before.slice();
		this.#dragging = id;
	}

	/** Moves the dragged item to the pointer's place among the items of `list`. */
	over(event: PointerEvent, list: HTMLElement | undefined): void {
		const id = this.#dragging;
		if (!id || !this.#pending || !list) return;
		// The new index is the number of other items whose middle lies above the pointer.
		let index = 0;
		for (const el of list.querySelectorAll<HTMLElement>('[data-reorder-id]')) {
			if (el.dataset.reorderId === id) continue;
			const r = el.getBoundingClientRect();
			if (event.clientY > r.top + r.height / 2) index++;
		}
		const next = this.#pending.filter((x) => x !== id);
		next.splice(index, 0, id);
		if (next.join() !== this.#pending.join()) this.#pending = next;
	}

	/** Drops the item; saves the order if it changed. Resolves with the new order, or null if unchanged. */
	async end(): Promise<string[] | null> {
		const order = this.#pending;
		if (!this.#dragging || !order) return null;
		this.#dragging = null;
		if (order.join() === this.#before.join()) {
			this.#pending = null;
			return null;
		}
		try {
			await this.#commit(order);
		} finally {
			this.#pending = null;
		}
		return order;
	}

	/** Abandons a drag (the pointer was taken away, e.g. by a system gesture). */
	cancel(): void {
		this.#dragging = null;
		this.#pending = null;
	}
}
