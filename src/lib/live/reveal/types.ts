import type * as Y from 'yjs';

/** One item of a participant's private document, ready to be placed on the group's board. */
export interface PrivateItem {
	/** Its id in the private document. */
	id: string;
	/** Adds a copy to the group's board, credited to `author` ('' when revealed anonymously). */
	place(board: Y.Doc, author: string): void;
}

/**
 * How an activity kind moves a silent phase's private notes onto the group's board. The private
 * document has the same layout as the kind's board, so the board component edits it unchanged.
 */
export interface RevealHook {
	/**
	 * The valid items of a private document (read against the activity's `definition`); plain
	 * data, usable after the document is gone.
	 */
	take(doc: Y.Doc, definition: unknown): PrivateItem[];
	/** Removes the given items from the private document once they are on the board. */
	remove(doc: Y.Doc, ids: string[]): void;
}
