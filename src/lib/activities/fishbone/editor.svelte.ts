/**
 * The one open editor of a fishbone board: at most one form (and one "Save" button) exists at a
 * time, so a tablet shared by a group never has two half-written texts competing.
 */
import { tick } from 'svelte';

/** What is being edited. */
export type Editor =
	| { mode: 'add'; bone: string }
	| { mode: 'sub'; parent: string }
	| { mode: 'text' | 'counter' | 'delete'; id: string }
	| { mode: 'trace'; index: number };

/** The open editor, its drafts, and the last notice to show. */
export class EditorState {
	#current = $state<Editor | null>(null);
	/** The main text being written. */
	draft = $state('');
	/** The second field of the "add a cause" form: its countermeasure. */
	second = $state('');
	/** A sentence for the user (e.g. a teammate deleted what they were editing), or ''. */
	notice = $state('');
	/** Where focus goes back to when the editor closes: the opener, or else the element with this id. */
	#returnTo: HTMLElement | null = null;
	#returnId: string | null = null;

	/** The open editor, or null. */
	get current(): Editor | null {
		return this.#current;
	}

	/** The id this user is editing, told to the others as presence. */
	get editingId(): string | null {
		const e = this.#current;
		if (!e) return null;
		if (e.mode === 'text' || e.mode === 'counter') return e.id;
		if (e.mode === 'sub') return e.parent;
		if (e.mode === 'trace') return `trace:${e.index}`;
		return null;
	}

	/** Whether the editor is open in `mode` on the item `key` (bone, cause id or step index). */
	is(mode: Editor['mode'], key: string | number): boolean {
		const e = this.#current;
		if (!e || e.mode !== mode) return false;
		if (e.mode === 'add') return e.bone === key;
		if (e.mode === 'sub') return e.parent === key;
		if (e.mode === 'trace') return e.index === key;
		return e.id === key;
	}

	/**
	 * Opens an editor with initial drafts. Focus returns to the opener when it closes, or, when the
	 * opener was re-rendered meanwhile, to the element with id `returnId`.
	 */
	open(next: Editor, draft = '', second = '', returnId: string | null = null): void {
		this.#returnTo = typeof document !== 'undefined' ? (document.activeElement as HTMLElement | null) : null;
		this.#returnId = returnId;
		this.#current = next;
		this.draft = draft;
		this.second = second;
		this.notice = '';
	}

	/** Closes the editor and puts focus back where it was, if that element still exists. */
	close(): void {
		this.#current = null;
		this.draft = '';
		this.second = '';
		const back = this.#returnTo;
		const id = this.#returnId;
		this.#returnTo = null;
		this.#returnId = null;
		void tick().then(() => {
			const target = back?.isConnected ? back : id ? document.getElementById(id) : null;
			target?.focus();
		});
	}

	/** Closes the editor because what it edited is gone, saying so. */
	lost(notice: string): void {
		this.close();
		this.notice = notice;
	}
}
