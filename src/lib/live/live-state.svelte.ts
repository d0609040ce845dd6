import * as Y from 'yjs';
import { CollabConnection } from '$lib/collab/connection.svelte';
import { liveDoc } from '$lib/docs';
import { ServerClock } from './clock.svelte';
import * as model from './model';
import { readPhases, type PhaseInfo } from './phases';
import { revealHook } from './reveal';
import type { LiveView, Presentation, Screen } from './model';
import * as timers from './timer';
import type { Timer } from './timer';

/** Which countdown an operation is about: the phase's, or the presenting group's. */
export type TimerKind = 'phase' | 'presentation';

/**
 * The facilitator-driven state of a workshop, held in the workshop's live document: which
 * activity and phase the tablets show, the countdowns, the presentation round, the locks.
 * Everyone reads it; only the facilitator's writes are kept by the server, and every write is
 * refused until the document has synced, so a fresh page never overwrites the room's state.
 */
export class LiveState {
	readonly connection: CollabConnection;
	/** The server's time on this device, for countdowns and for writing times. */
	readonly clock: ServerClock;
	#view = $state.raw<LiveView>(model.readLive(new Y.Doc()));
	#onUpdate = () => this.#refresh();

	constructor(workshopId: string) {
		this.connection = new CollabConnection(liveDoc(workshopId));
		this.clock = new ServerClock();
		this.#refresh();
		this.connection.doc.on('update', this.#onUpdate);
	}

	/** Everything the document says, validated. */
	get view(): LiveView {
		return this.#view;
	}

	/** The activity currently open on the tablets, if any. */
	get activityId(): string | null {
		return this.#view.activityId;
	}

	/** The index of the current phase in the activity's phases. */
	get phase(): number {
		return this.#view.phase;
	}

	/** The phase countdown. */
	get timer(): Timer {
		return this.#view.timer;
	}

	/** The presentation round. */
	get presentation(): Presentation {
		return this.#view.presentation;
	}

	/** What the projector shows. */
	get screen(): Screen {
		return this.#view.screen;
	}

	/** Whether the last navigation (activity, phase, presenting group) can be taken back. */
	get canUndo(): boolean {
		return this.#view.canUndo;
	}

	/** Whether the first sync with the server has completed. */
	get synced(): boolean {
		return this.connection.synced;
	}

	/**
	 * Whether the console may change the room: synced, and with the server's clock measured, since
	 * every change stamps server times (a laptop's own clock, minutes off, would freeze or shorten
	 * every countdown). The controls stay disabled until then.
	 */
	get writable(): boolean {
		return this.connection.synced && this.clock.measured;
	}

	/** Whether a group's boards are locked by the facilitator (as the server last said). */
	isLocked(groupId: string): boolean {
		return this.#view.locked.includes(groupId);
	}

	/** Milliseconds left on a countdown (reactive: ticks while read); null when it is idle. */
	remaining(kind: TimerKind = 'phase'): number | null {
		const timer = kind === 'phase' ? this.#view.timer : this.#view.presentation.timer;
		// Only a running countdown needs the ticking clock.
		return timers.remainingMs(timer, timer.status === 'running' ? this.clock.now : 0);
	}

	/** Whether participants are writing privately now (a silent phase not yet revealed). */
	isPrivate(phaseIsPrivate: boolean): boolean {
		return model.isPrivateNow(this.#view, phaseIsPrivate);
	}

	/** The current phase of an activity's stored definition, if it has phases. */
	phaseOf(definition: unknown): PhaseInfo | undefined {
		const phases = readPhases(definition);
		return phases[Math.min(this.#view.phase, phases.length - 1)];
	}

	/**
	 * Whether a participant's notes for `activity` go to their private document now: it is the
	 * activity on the tablets, in a silent phase not yet revealed, of a kind that can reveal.
	 */
	writesPrivately(activity: { id: string; kind: string; definition: unknown }): boolean {
		if (activity.id !== this.#view.activityId || !revealHook(activity.kind)) return false;
		return this.isPrivate(this.phaseOf(activity.definition)?.private ?? false);
	}

	/** Opens an activity on every tablet (or none), at its first phase. */
	setActivity(id: string | null): void {
		this.#write((doc, now) => model.openActivity(doc, id, now));
	}

	/** Moves to phase `index`; the caller keeps it within the activity's phases. */
	goToPhase(index: number): void {
		this.#write((doc, now) => model.goToPhase(doc, index, now));
	}

	/** Takes back the last activity, phase or presenting-group change. */
	undo(): void {
		this.#write((doc) => model.undo(doc));
	}

	/** Starts a countdown of `minutes`. */
	startTimer(kind: TimerKind, minutes: number): void {
		this.#timer(kind, (_, now) => timers.startTimer(minutes * 60_000, now));
	}

	/** Pauses a running countdown. */
	pauseTimer(kind: TimerKind): void {
		this.#timer(kind, timers.pauseTimer);
	}

	/** Lets a paused countdown run on. */
	resumeTimer(kind: TimerKind): void {
		this.#timer(kind, timers.resumeTimer);
	}

	/** Adds (or with a negative number takes away) minutes. */
	extendTimer(kind: TimerKind, minutes: number): void {
		this.#timer(kind, (t, now) => timers.extendTimer(t, minutes * 60_000, now));
	}

	/** Stops a countdown. */
	stopTimer(kind: TimerKind): void {
		this.#timer(kind, () => timers.stopTimer());
	}

	/** Sets the order in which groups present. */
	setQueue(queue: string[]): void {
		this.#write((doc) => model.setQueue(doc, queue));
	}

	/** Sets how long each group presents. */
	setPresentMinutes(minutes: number): void {
		this.#write((doc) => model.setPresentMinutes(doc, minutes));
	}

	/** Hands over to the next group in the order (of `groupIds`, the workshop's groups). */
	presentNext(groupIds: string[]): void {
		this.#write((doc, now) => model.presentNext(doc, groupIds, now));
	}

	/** Ends the presentations. */
	stopPresenting(): void {
		this.#write((doc) => model.stopPresenting(doc));
	}

	/** Chooses what the projector shows. */
	setScreen(screen: Screen): void {
		this.#write((doc) => model.setScreen(doc, screen));
	}

	/** Closes the connection and stops the clock. */
	destroy(): void {
		this.connection.doc.off('update', this.#onUpdate);
		this.connection.destroy();
		this.clock.destroy();
	}

	#timer(kind: TimerKind, next: (timer: Timer, now: number) => Timer): void {
		this.#write((doc, now) => {
			const view = model.readLive(doc);
			if (kind === 'phase') model.setTimer(doc, next(view.timer, now));
			else model.setPresentationTimer(doc, next(view.presentation.timer, now));
		});
	}

	#write(change: (doc: Y.Doc, now: number) => void): void {
		if (!this.writable) return;
		change(this.connection.doc, this.clock.read());
	}

	#refresh(): void {
		this.#view = model.readLive(this.connection.doc);
	}
}
