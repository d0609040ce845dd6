/**
 * Reactive wrappers over the moments-of-truth document: `MotView` reads a Y.Doc (summaries, the
 * board a reviewer looks at), `MotBoard` adds the named operations for a live connection.
 * Components use these, never the Y types.
 */
import type * as Y from 'yjs';
import type { CollabConnection } from '$lib/collab/connection.svelte';
import { lowPoints } from './curve';
import { readDefinition, type MotDefinition, type MotTool } from './definition';
import * as model from './model';
import type { JourneyPoint, Subject } from './model';

type State = {
	tool: MotTool | null;
	customer: string;
	subjects: Subject[];
	answers: Record<string, string[]>;
	journey: JourneyPoint[];
	standards: Map<string, string>;
	range: { min: number; max: number };
};

/** A live, read-only view of a moments-of-truth document. Call `destroy()` when done. */
export class MotView {
	#doc: Y.Doc;
	#definition: MotDefinition;
	#state = $state.raw<State>({ tool: null, customer: '', subjects: [], answers: {}, journey: [], standards: new Map(), range: { min: -3, max: 3 } });
	#lows = $derived(lowPoints(this.#state.journey, this.#state.range));
	#onUpdate = () => this.#refresh();

	constructor(doc: Y.Doc, definition: unknown) {
		this.#doc = doc;
		this.#definition = readDefinition(definition);
		this.#refresh();
		doc.on('update', this.#onUpdate);
	}

	/** The validated board definition. */
	get definition(): MotDefinition {
		return this.#definition;
	}

	/** The tool the group picked (tools variant). */
	get tool(): MotTool | null {
		return this.#state.tool;
	}

	/** Who the group's customer is. */
	get customer(): string {
		return this.#state.customer;
	}

	/** What the questions are asked of: the tool, or each scene. */
	get subjects(): Subject[] {
		return this.#state.subjects;
	}

	/** Answers per subject, one per question ('' when unanswered). */
	get answers(): Record<string, string[]> {
		return this.#state.answers;
	}

	/** The journey's points in order, with their ratings. */
	get journey(): JourneyPoint[] {
		return this.#state.journey;
	}

	/** The keys of the low points, the moments to redesign. */
	get lowKeys(): Set<string> {
		return this.#lows;
	}

	/** The low points in journey order. */
	get lows(): JourneyPoint[] {
		return this.#state.journey.filter((p) => this.#lows.has(p.key));
	}

	/** The standard written for a point (and step, when the definition has steps). */
	standard(point: string, step: string | null = null): string {
		return this.#state.standards.get(step === null ? point : `${point}:${step}`) ?? '';
	}

	/** Whether the group has written anything at all. */
	get empty(): boolean {
		const s = this.#state;
		return !s.tool && !s.customer && s.journey.every((p) => p.rating === undefined) && Object.values(s.answers).every((list) => list.every((a) => !a));
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
		const def = this.#definition;
		const doc = this.#doc;
		const journey = model.journey(doc, def);
		const standards = new Map<string, string>();
		for (const p of journey) {
			if (def.steps.length === 0) standards.set(p.key, model.standard(doc, def, p.key));
			else for (const s of def.steps) standards.set(`${p.key}:${s.key}`, model.standard(doc, def, p.key, s.key));
		}
		this.#state = {
			tool: model.tool(doc, def),
			customer: model.customer(doc),
			subjects: model.subjects(doc, def),
			answers: model.answers(doc, def),
			journey,
			standards,
			range: def.curve
		};
	}
}

/**
 * The editable board of one connection. Every operation is refused until the first sync
 * completed, so a not-yet-loaded board never writes over what the group already has.
 */
export class MotBoard extends MotView {
	#connection: CollabConnection;

	constructor(connection: CollabConnection, definition: unknown) {
		super(connection.doc, definition);
		this.#connection = connection;
	}

	/** True once the document is loaded and edits are safe. */
	get ready(): boolean {
		return this.#connection.synced;
	}

	/** Picks the group's tool (null clears it). */
	setTool(key: string | null): boolean {
		return this.ready && model.setTool(this.doc, this.definition, key);
	}

	/** Describes the customer. */
	setCustomer(text: string): boolean {
		return this.ready && model.setCustomer(this.doc, text);
	}

	/** Answers question `index` for a subject. */
	setAnswer(subject: string, index: number, text: string): boolean {
		return this.ready && model.setAnswer(this.doc, this.definition, subject, index, text);
	}

	/** Adds a touchpoint at the end of the journey; its id, or null when refused. */
	addPoint(label: string): string | null {
		return this.ready ? model.addPoint(this.doc, this.definition, label) : null;
	}

	/** Renames a touchpoint. */
	renamePoint(id: string, label: string): boolean {
		return this.ready && model.renamePoint(this.doc, id, label);
	}

	/** Removes a touchpoint with its rating and standards. */
	removePoint(id: string): boolean {
		return this.ready && model.removePoint(this.doc, id);
	}

	/** Moves a touchpoint one place earlier or later. */
	movePoint(id: string, delta: -1 | 1): boolean {
		return this.ready && model.movePoint(this.doc, id, delta);
	}

	/** Rates a point of the journey (null clears). */
	setRating(key: string, rating: number | null): boolean {
		return this.ready && model.setRating(this.doc, this.definition, key, rating);
	}

	/** Sets the rating aimed for with the new standard (null clears). */
	setGoal(key: string, rating: number | null): boolean {
		return this.ready && model.setGoal(this.doc, this.definition, key, rating);
	}

	/** Writes a point's standard (per step when the definition has steps). */
	setStandard(point: string, step: string | null, text: string): boolean {
		return this.ready && model.setStandard(this.doc, this.definition, point, step, text);
	}

	/** Tells the others which field this user is editing (null when none). */
	setEditing(id: string | null): void {
		this.#connection.setEditing(id);
	}
}
