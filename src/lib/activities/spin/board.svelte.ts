/**
 * Reactive wrappers over the role-play document: `SpinView` reads a Y.Doc (summaries),
 * `SpinBoard` adds the named operations for a live connection. Components use these, never Y types.
 */
import type * as Y from 'yjs';
import type { CollabConnection } from '$lib/collab/connection.svelte';
import * as model from './model';
import { assemble, overall, read, type Logged, type Overall, type RoundDebrief } from './stats';
import { readDefinition, type SpinDefinition } from './definition';
import type { NextStep } from './model';
import type { QuestionType } from './types';

const EMPTY: Logged = { questions: [], objections: [], notes: [], info: new Map() };

/** A live, read-only view of a role-play document. Call `destroy()` when done. */
export class SpinView {
	#doc: Y.Doc;
	#definition: SpinDefinition;
	#logged = $state.raw<Logged>(EMPTY);
	#signal = $state(0);
	#through = $state(0);
	#rounds = $derived(assemble(this.#logged, this.#through));
	#overall = $derived(overall(this.#rounds));
	#onUpdate = () => this.#refresh();

	constructor(doc: Y.Doc, definition: unknown) {
		this.#doc = doc;
		this.#definition = readDefinition(definition);
		this.#refresh();
		doc.on('update', this.#onUpdate);
	}

	/** The validated public definition. */
	get definition(): SpinDefinition {
		return this.#definition;
	}

	/** Every round's debrief, oldest first. */
	get rounds(): RoundDebrief[] {
		return this.#rounds;
	}

	/** The summary across rounds. */
	get overall(): Overall {
		return this.#overall;
	}

	/** The debrief of one round (empty when nothing was logged in it). */
	round(n: number): RoundDebrief | undefined {
		return this.#rounds.find((r) => r.round === n);
	}

	/** When the round's shared timer was started, or null when it is not running. */
	timerStartedAt(n: number): number | null {
		return this.#logged.info.get(n)?.timerStartedAt ?? null;
	}

	/** When the roles last changed, as hinted by a teammate's tablet. */
	get rolesSignal(): number {
		return this.#signal;
	}

	/** Shows empty rounds up to `round` too (the rounds the group has started). */
	showThrough(round: number): void {
		this.#through = round;
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
		this.#logged = read(this.#doc);
		this.#signal = model.rolesSignal(this.#doc);
	}
}

/**
 * The editable role-play of one connection. Every operation is refused until the first sync
 * completed, so a board that has not loaded yet never writes over what the group already has.
 */
export class SpinBoard extends SpinView {
	#connection: CollabConnection;

	constructor(connection: CollabConnection, definition: unknown) {
		super(connection.doc, definition);
		this.#connection = connection;
	}

	/** True once the document is loaded and edits are safe. */
	get ready(): boolean {
		return this.#connection.synced;
	}

	/** Logs a question the salesperson asked, in one tap. */
	logQuestion(round: number, type: QuestionType, text = ''): string | null {
		return this.ready ? model.logQuestion(this.doc, round, type, text, this.#connection.name) : null;
	}

	/** Corrects the type of a logged question. */
	retype(id: string, type: QuestionType): boolean {
		return this.ready && model.retypeQuestion(this.doc, id, type);
	}

	/** Removes a question, objection or note logged by mistake. */
	remove(kind: 'questions' | 'objections' | 'notes', id: string): boolean {
		return this.ready && model.removeEntry(this.doc, kind, id);
	}

	/** Records an objection the customer raised. */
	addObjection(round: number, text: string): string | null {
		return this.ready ? model.addObjection(this.doc, round, text, this.#connection.name) : null;
	}

	/** Notes how an objection was handled. */
	setHandling(id: string, text: string): boolean {
		return this.ready && model.setHandling(this.doc, id, text);
	}

	/** Marks an objection as overcome, or not. */
	setHandled(id: string, handled: boolean): boolean {
		return this.ready && model.setHandled(this.doc, id, handled);
	}

	/** Adds an observer note. */
	addNote(round: number, text: string): string | null {
		return this.ready ? model.addNote(this.doc, round, text, this.#connection.name) : null;
	}

	/** The customer's answer to a next step. */
	setNextStep(round: number, value: NextStep): boolean {
		return this.ready && model.setNextStep(this.doc, round, value);
	}

	/** Starts (now) or stops (null) the round's shared timer. */
	setTimer(round: number, startedAt: number | null): boolean {
		return this.ready && model.setTimer(this.doc, round, startedAt);
	}

	/** Keeps the round's card and salesperson in the document for the debrief. */
	setRoundInfo(round: number, scenarioKey: string, salesperson: string): boolean {
		return this.ready && model.setRoundInfo(this.doc, round, scenarioKey, salesperson);
	}

	/** Tells the group's other tablets that the roles changed. */
	signalRoles(): void {
		if (this.ready) model.signalRoles(this.doc);
	}
}
