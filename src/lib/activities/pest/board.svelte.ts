/**
 * Reactive wrappers over the PEST document: `PestView` reads a Y.Doc (summaries), `PestBoard`
 * adds the named operations for a live connection. Components use these, never the Y types.
 */
import type * as Y from 'yjs';
import type { CollabConnection } from '$lib/collab/connection.svelte';
import type { Locale } from '../types';
import * as m from '$lib/paraglide/messages';
import * as model from './model';
import type { Note, NoteKind, NotesByQuadrant, PestDefinition, Quadrant, VoteResult } from './model';

const FALLBACK_TITLES: Record<Quadrant, (locale: Locale) => string> = {
	P: (locale) => m.pest_quadrant_p({}, { locale }),
	E: (locale) => m.pest_quadrant_e({}, { locale }),
	S: (locale) => m.pest_quadrant_s({}, { locale }),
	T: (locale) => m.pest_quadrant_t({}, { locale })
};

/** A quadrant's title and prompt in `locale`; the title falls back to the built-in name. */
export function quadrantText(
	definition: PestDefinition,
	key: Quadrant,
	locale: Locale
): { title: string; prompt: string } {
	const { title, prompt } = definition.quadrants[key];
	return {
		title: title?.[locale] || title?.['zh-CN'] || FALLBACK_TITLES[key](locale),
		prompt: prompt?.[locale] || prompt?.['zh-CN'] || ''
	};
}

/** A live, read-only view of a PEST document. Call `destroy()` when done. */
export class PestView {
	#doc: Y.Doc;
	#definition: PestDefinition;
	#notes = $state.raw<NotesByQuadrant>({ P: [], E: [], S: [], T: [] });
	#outcomes = $derived(model.rankOpportunities(this.#notes));
	/** Bumped on every document change, so reads that go to the document stay reactive. */
	#version = $state(0);
	#changes = 0;
	#onUpdate = () => this.#refresh();

	constructor(doc: Y.Doc, definition: unknown) {
		this.#doc = doc;
		this.#definition = model.readDefinition(definition);
		this.#refresh();
		doc.on('update', this.#onUpdate);
	}

	/** The validated board definition. */
	get definition(): PestDefinition {
		return this.#definition;
	}

	/** Valid notes per quadrant, in display order. */
	get notes(): NotesByQuadrant {
		return this.#notes;
	}

	/** Opportunities with their countermeasures, heaviest and most voted first. */
	get outcomes(): Note[] {
		return this.#outcomes;
	}

	/** The ids of the notes `voterKey` has voted for (live notes only). */
	votedBy(voterKey: string): Set<string> {
		void this.#version;
		return model.votesOf(this.#doc, voterKey, this.#definition.votesPerParticipant);
	}

	/** How many votes `voterKey` has left within the definition's votes per participant. */
	votesLeft(voterKey: string): number {
		return Math.max(0, this.#definition.votesPerParticipant - this.votedBy(voterKey).size);
	}

	/** How many notes the board holds. */
	get count(): number {
		return model.QUADRANTS.reduce((n, q) => n + this.#notes[q].length, 0);
	}

	/** Whether a note with this id is on the board. */
	has(id: string): boolean {
		return model.QUADRANTS.some((q) => this.#notes[q].some((n) => n.id === id));
	}

	/** Stops following the document. */
	destroy(): void {
		this.#doc.off('update', this.#onUpdate);
	}

	/** The document this view reads, for subclasses. */
	protected get doc(): Y.Doc {
		return this.#doc;
	}

	#refresh(): void {
		this.#notes = model.notesByQuadrant(this.#doc, this.#definition.weightScale, this.#definition.votesPerParticipant);
		// Write-only: reading `#version` here would make whoever constructs the view depend on it.
		this.#version = ++this.#changes;
	}
}

/**
 * The editable board of one connection. Every operation is refused (returns false/null) until the
 * first sync completed, so a not-yet-loaded board never writes over what the group already has.
 */
export class PestBoard extends PestView {
	#connection: CollabConnection;

	constructor(connection: CollabConnection, definition: unknown) {
		super(connection.doc, definition);
		this.#connection = connection;
	}

	/** True once the document is loaded and edits are safe. */
	get ready(): boolean {
		return this.#connection.synced;
	}

	/** Adds a note authored by this connection's user; returns its id, or null when refused. */
	add(quadrant: Quadrant, text: string): string | null {
		if (!this.ready) return null;
		return model.addNote(this.doc, { quadrant, text, author: this.#connection.name });
	}

	/** Replaces a note's text. */
	editText(id: string, text: string): boolean {
		return this.ready && model.editText(this.doc, id, text);
	}

	/** Moves a note to another quadrant. */
	move(id: string, quadrant: Quadrant): boolean {
		return this.ready && model.moveNote(this.doc, id, quadrant);
	}

	/** Deletes a note. */
	remove(id: string): boolean {
		return this.ready && model.deleteNote(this.doc, id);
	}

	/** Marks a note as opportunity or threat; null clears it. */
	setKind(id: string, kind: NoteKind): boolean {
		return this.ready && model.setKind(this.doc, id, kind);
	}

	/** Sets or clears (empty text) a note's countermeasure. */
	setCountermeasure(id: string, text: string): boolean {
		return this.ready && model.setCountermeasure(this.doc, id, text);
	}

	/** Sets or clears (null) a note's impact weight, within the definition's scale. */
	setWeight(id: string, weight: number | null): boolean {
		return this.ready && model.setWeight(this.doc, id, weight, this.definition.weightScale);
	}

	/** Casts or withdraws a vote, within the definition's votes per participant. */
	toggleVote(id: string, voterKey: string): VoteResult {
		if (!this.ready) return 'invalid';
		return model.toggleVote(this.doc, id, voterKey, this.definition.votesPerParticipant);
	}

	/** Tells the others which note this user is editing (null when none). */
	setEditing(id: string | null): void {
		this.#connection.setEditing(id);
	}
}
