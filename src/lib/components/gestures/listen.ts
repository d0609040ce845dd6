type Handlers = { [K in keyof (HTMLElementEventMap & WindowEventMap)]?: (event: (HTMLElementEventMap & WindowEventMap)[K]) => void };

/**
 * Adds each handler to `target` with the same `options`, and returns the one function that
 * removes them all again, so a gesture's clean-up cannot forget a listener it added.
 */
export function listen(target: HTMLElement | Window, handlers: Handlers, options?: boolean | AddEventListenerOptions): () => void {
	const entries = Object.entries(handlers) as [string, EventListener][];
	for (const [type, handler] of entries) target.addEventListener(type, handler, options);
	return () => {
		for (const [type, handler] of entries) target.removeEventListener(type, handler, options);
	};
}
