import { beforeNavigate } from '$app/navigation';

/**
 * Asks before leaving a page whose form holds typing that was not saved: a link, the back button,
 * the language switch (which reloads the page) or closing the tab would otherwise drop it without
 * a word. Call during component initialisation; `dirty` is read at the moment of leaving.
 */
export function confirmUnsaved(dirty: () => boolean, question: () => string): void {
	beforeNavigate((navigation) => {
		if (!dirty()) return;
		// Leaving the document (reload, closing, another site): the browser asks with its own words.
		if (navigation.type === 'leave') return navigation.cancel();
		if (!confirm(question())) navigation.cancel();
	});
}
