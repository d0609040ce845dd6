/**
 * Reactive wrappers over the fishbone document: `FishboneView` reads a Y.Doc (summaries),
 * `FishboneBoard` adds the named operations for a live connection. Components use these, never
 * the Y types.
 */
import type * as Y from 'yjs';
import type { CollabConnection } from '$lib/collab/connection.svelte';
import type { Locale } from '../types';
import { pick, readDefinition, type FishboneDefinition } from './definition';
import * as model from './model';
import * as measures from './measures';
import type { Cause } from './model';
import type { Measure, MeasuresState, PickResult, VoteResult } from './measures';

/** A bone's title and hint in one locale. */
export interface BoneText {
	key: string;
	title: string;
	hint: string;
}

/** A live, read-only view of a fishbone document. Call `destroy()` when done. */
export class FishboneView {
	#doc: Y.Doc;
	#definition: FishboneDefinition;
	#voter: string | undefined;
	#boneKeys: string[];
	#causes = $state.raw<Cause[]>([]);
	#trace = $state.raw<string[]>([]);
	#measures = $state.raw<MeasuresState>({ ranked: [], shortlist: [], mine: new Set() });
	#byBone = $derived.by(() => model.causesByBone(this.#causes, this.#boneKeys));
	#onUpdate = () => this.#refresh();

	constructor(doc: Y.Doc, definition: unknown, voter?: string) {
		this.#doc = doc;
		this.#definition = readDefinition(definition);
		this.#voter = voter;
		this.#boneKeys = this.#definition.bones.map((b) => b.key);
		this.#refresh();
		doc.on('update', this.#onUpdate);
	}

	/** The validated board definition. */
	get definition(): FishboneDefinition {
		return this.#definition;
	}

	/** The bone keys, in order. */
	get boneKeys(): string[] {
		return this.#boneKeys;
	}

	/** Every cause on the board with its sub-causes, bone by bone. */
	get causes(): Cause[] {
		return this.#causes;
	}

	/** Causes grouped by bone key. */
	get byBone(): Record<string, Cause[]> {
		return this.#byBone;
	}

	/** How many causes and sub-causes the board holds. */
	get count(): number {
		return this.#causes.reduce((n, c) => n + 1 + c.children.length, 0);
	}

	/** Measures ranked by votes, the group's short-list, and this voter's votes. */
	get measures(): MeasuresState {
		return this.#measures;
	}

	/** The group's note per trace step. */
	get trace(): string[] {
		return this.#trace;
	}

	/** The cause or sub-cause with this id, if it is on the board. */
	find(id: string): Cause | undefined {
		return model.flatten(this.#causes).find((c) => c.id === id);
	}

	/** The problem at the head of the fish, in `locale`. */
	problem(locale: Locale): string {
		return pick(this.#definition.problem, locale);
	}

	/** Bone titles and hints in `locale`. */
	bones(locale: Locale): BoneText[] {
		return this.#definition.bones.map((b) => ({ key: b.key, title: pick(b.title, locale), hint: pick(b.hint, locale) }));
	}

	/** The place (1-based) of a measure in the short-list, or 0. */
	place(id: string): number {
		return this.#measures.shortlist.findIndex((m: Measure) => m.id === id) + 1;
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
		const causes = model.readCauses(this.#doc, this.#boneKeys);
		this.#causes = causes;
		this.#trace = model.readTrace(this.#doc, this.#definition.traceSteps.length);
		this.#measures = measures.readMeasures(this.#doc, causes, {
			limit: this.#definition.votesPerParticipant,
			top: this.#definition.topMeasures,
			voter: this.#voter
		});
	}
}

/**
 * The editable board of one connection. Every operation is refused until the first sync
 * completed, so a not-yet-loaded board never writes over what the group already has.
 */
export class FishboneBoard extends FishboneView {
	#connection: CollabConnection;
	#voter: string;

	constructor(connection: CollabConnection, definition: unknown, participantId: string | null) {
		const voter = measures.voterKey(participantId);
		super(connection.doc, definition, voter);
		this.#connection = connection;
		this.#voter = voter;
	}

	/** True once the document is loaded and edits are safe. */
	get ready(): boolean {
		return this.#connection.synced;
	}

	/** Votes this user has left. */
	get votesLeft(): number {
		return Math.max(0, this.definition.votesPerParticipant - this.measures.mine.size);
	}

	/** Adds a cause on a bone, or a sub-cause under `parent`; returns its id, or null when refused. */
	add(input: { bone: string; text: string; countermeasure?: string; parent?: string }): string | null {
		if (!this.ready) return null;
		return model.addCause(this.doc, { ...input, author: this.#connection.name }, this.boneKeys);
	}

	/** Replaces a cause's text. */
	editText(id: string, text: string): boolean {
		return this.ready && model.editCause(this.doc, id, text);
	}

	/** Sets or clears (empty text) a cause's countermeasure. */
	setCountermeasure(id: string, text: string): boolean {
		return this.ready && model.setCountermeasure(this.doc, id, text);
	}

	/** Moves a cause with its sub-causes to another bone. */
	move(id: string, bone: string): boolean {
		return this.ready && model.moveCause(this.doc, id, bone, this.boneKeys);
	}

	/** Deletes a cause with its sub-causes. */
	remove(id: string): boolean {
		return this.ready && model.deleteCause(this.doc, id);
	}

	/** Casts or withdraws this user's vote on a measure. */
	toggleVote(id: string): VoteResult {
		if (!this.ready) return 'invalid';
		return measures.toggleVote(this.doc, this.causes, id, this.#voter, this.definition.votesPerParticipant);
	}

	/** Puts a measure on the short-list. */
	pick(id: string): PickResult {
		if (!this.ready) return 'invalid';
		return measures.pickMeasure(this.doc, this.causes, id, this.definition.topMeasures);
	}

	/** Takes a measure off the short-list. */
	unpick(id: string): boolean {
		return this.ready && measures.unpickMeasure(this.doc, this.causes, id, this.definition.topMeasures);
	}

	/** Moves a measure up (-1) or down (+1) in the short-list. */
	moveMeasure(id: string, delta: -1 | 1): boolean {
		return this.ready && measures.moveMeasure(this.doc, this.causes, id, delta, this.definition.topMeasures);
	}

	/** Fills the short-list from the votes; returns how many measures were added. */
	fillFromVotes(): number {
		if (!this.ready) return 0;
		const { votesPerParticipant, topMeasures } = this.definition;
		return measures.fillFromVotes(this.doc, this.causes, votesPerParticipant, topMeasures);
	}

	/** Writes the group's note for a trace step. */
	setTrace(index: number, text: string): boolean {
		return this.ready && model.setTraceNote(this.doc, index, text, this.definition.traceSteps.length);
	}

	/** Tells the others which item this user is editing (null when none). */
	setEditing(id: string | null): void {
		this.#connection.setEditing(id);
	}
}
