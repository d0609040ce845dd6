/**
 * The workshop's live document: typed reads and named operations over the Y types.
 *
 * Layout of the document:
 * - `state` (Y.Map), written by the facilitator: `activityId`, `phase` (index into the activity's
 *   phases), `phaseStartedAt`, `timer`, `presentation` ({ queue, presenting, minutes, timer }),
 *   `screen` (what the projector shows).
 * - `history` (Y.Array), the facilitator's undo stack of earlier `state` snapshots, newest last.
 * - `server` (Y.Map), written only by the server: `locked` (ids of locked groups; the lock
 *   itself is enforced at the websocket door) and `revealedAt` (activity id → when its private
 *   notes were last revealed).
 *
 * Times are the SERVER's milliseconds. Only the facilitator's writes reach the server (it drops
 * participants' updates to this document), but reads still validate everything they find.
 */
import * as Y from 'yjs';
import { orderQueue } from './queue';
import { IDLE, readTimer, startTimer, type Timer } from './timer';

/** What the projector shows: follow the activity, the join screen, or the results. */
export type Screen = 'auto' | 'lobby' | 'results';
const SCREENS: readonly Screen[] = ['auto', 'lobby', 'results'];

/** The presentation round: order of groups, who is presenting, and their countdown. */
export interface Presentation {
	queue: string[];
	presenting: string | null;
	/** Minutes each group gets. */
	minutes: number;
	timer: Timer;
}

/** Everything a screen needs to know, validated. */
export interface LiveView {
	activityId: string | null;
	phase: number;
	/** When the current phase was entered (server ms), 0 if never. */
	phaseStartedAt: number;
	timer: Timer;
	presentation: Presentation;
	screen: Screen;
	locked: string[];
	revealedAt: Record<string, number>;
	canUndo: boolean;
}

/** The part of the state one undo step restores. */
type Snapshot = Pick<LiveView, 'activityId' | 'phase' | 'phaseStartedAt' | 'timer' | 'presentation'>;

/** How many steps can be undone. */
export const MAX_UNDO = 30;
/** Default and bounds of a presentation's length, in minutes. */
export const PRESENT_MINUTES = { default: 5, min: 1, max: 60 } as const;
const MAX_GROUPS = 64;

const stateMap = (doc: Y.Doc) => doc.getMap<unknown>('state');
const serverMap = (doc: Y.Doc) => doc.getMap<unknown>('server');
const history = (doc: Y.Doc) => doc.getArray<unknown>('history');

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const ids = (v: unknown): string[] =>
	Array.isArray(v) ? [...new Set(v.filter(isId))].slice(0, MAX_GROUPS) : [];
const nonNegInt = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0);
const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A presentation length clamped to its bounds; the default for anything else. */
export function presentMinutes(value: unknown): number {
	if (!Number.isInteger(value)) return PRESENT_MINUTES.default;
	return Math.min(PRESENT_MINUTES.max, Math.max(PRESENT_MINUTES.min, value as number));
}

function readPresentation(raw: unknown): Presentation {
	const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	return {
		queue: ids(p.queue),
		presenting: isId(p.presenting) ? p.presenting : null,
		minutes: presentMinutes(p.minutes),
		timer: readTimer(p.timer)
	};
}

function readRevealed(raw: unknown): Record<string, number> {
	const result: Record<string, number> = {};
	if (!raw || typeof raw !== 'object') return result;
	for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
		if (isId(key) && typeof value === 'number' && Number.isFinite(value)) result[key] = value;
	}
	return result;
}

function readSnapshot(raw: unknown): Snapshot {
	const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	return {
		activityId: isId(s.activityId) ? s.activityId : null,
		phase: nonNegInt(s.phase),
		phaseStartedAt: finite(s.phaseStartedAt),
		timer: readTimer(s.timer),
		presentation: readPresentation(s.presentation)
	};
}

/** Reads the whole live state. */
export function readLive(doc: Y.Doc): LiveView {
	const state = stateMap(doc);
	const server = serverMap(doc);
	const screen = state.get('screen');
	return {
		...readSnapshot(state.toJSON()),
		screen: SCREENS.includes(screen as Screen) ? (screen as Screen) : 'auto',
		locked: ids(server.get('locked')),
		revealedAt: readRevealed(server.get('revealedAt')),
		canUndo: history(doc).length > 0
	};
}

function write(doc: Y.Doc, snapshot: Partial<Snapshot>): void {
	const state = stateMap(doc);
	for (const [key, value] of Object.entries(snapshot)) state.set(key, value);
}

/** Remembers the current state so the next change can be undone. */
function remember(doc: Y.Doc): void {
	const { activityId, phase, phaseStartedAt, timer, presentation } = readLive(doc);
	const stack = history(doc);
	stack.push([{ activityId, phase, phaseStartedAt, timer, presentation }]);
	if (stack.length > MAX_UNDO) stack.delete(0, stack.length - MAX_UNDO);
}

/** Opens an activity on every tablet (or none) at its first phase; undoable. */
export function openActivity(doc: Y.Doc, activityId: string | null, now: number): void {
	doc.transact(() => {
		remember(doc);
		const { presentation } = readLive(doc);
		write(doc, {
			activityId: isId(activityId) ? activityId : null,
			phase: 0,
			phaseStartedAt: now,
			timer: IDLE,
			presentation: { ...presentation, presenting: null, timer: IDLE }
		});
	});
}

/** Moves to phase `index` (the caller keeps it inside the activity's phases); undoable. */
export function goToPhase(doc: Y.Doc, index: number, now: number): void {
	if (!Number.isInteger(index) || index < 0) return;
	doc.transact(() => {
		remember(doc);
		write(doc, { phase: index, phaseStartedAt: now, timer: IDLE });
	});
}

/** Takes back the last undoable change (activity, phase or presenting group); false if none. */
export function undo(doc: Y.Doc): boolean {
	const stack = history(doc);
	if (stack.length === 0) return false;
	doc.transact(() => {
		const previous = readSnapshot(stack.get(stack.length - 1));
		stack.delete(stack.length - 1, 1);
		write(doc, previous);
	});
	return true;
}

/** Replaces the phase countdown (computed with the functions of `timer.ts`). */
export function setTimer(doc: Y.Doc, timer: Timer): void {
	stateMap(doc).set('timer', readTimer(timer));
}

function setPresentation(doc: Y.Doc, change: Partial<Presentation>): void {
	const current = readLive(doc).presentation;
	stateMap(doc).set('presentation', readPresentation({ ...current, ...change }));
}

/** Replaces the presentation countdown. */
export function setPresentationTimer(doc: Y.Doc, timer: Timer): void {
	setPresentation(doc, { timer });
}

/** Sets the order in which groups present. */
export function setQueue(doc: Y.Doc, queue: string[]): void {
	setPresentation(doc, { queue: ids(queue) });
}

/** Sets how many minutes each group presents. */
export function setPresentMinutes(doc: Y.Doc, minutes: number): void {
	setPresentation(doc, { minutes: presentMinutes(minutes) });
}

/**
 * Hands over to the next group in the order and starts its countdown; after the last group
 * nobody presents. Undoable. Returns the group now presenting.
 */
export function presentNext(doc: Y.Doc, groupIds: string[], now: number): string | null {
	let next: string | null = null;
	doc.transact(() => {
		remember(doc);
		const p = readLive(doc).presentation;
		const queue = orderQueue(p.queue, groupIds);
		const at = p.presenting ? queue.indexOf(p.presenting) : -1;
		next = queue[at + 1] ?? null;
		setPresentation(doc, { queue, presenting: next, timer: next ? startTimer(p.minutes * 60_000, now) : IDLE });
	});
	return next;
}

/** Ends the presentations: nobody presents. Undoable. */
export function stopPresenting(doc: Y.Doc): void {
	doc.transact(() => {
		remember(doc);
		setPresentation(doc, { presenting: null, timer: IDLE });
	});
}

/** Chooses what the projector shows. */
export function setScreen(doc: Y.Doc, screen: Screen): void {
	if (SCREENS.includes(screen)) stateMap(doc).set('screen', screen);
}

/** (Server) mirrors the locked groups, so every screen can say so. */
export function setLocked(doc: Y.Doc, groupIds: string[]): void {
	serverMap(doc).set('locked', ids(groupIds).sort());
}

/** (Server) records that an activity's private notes were revealed at `now`. */
export function markRevealed(doc: Y.Doc, activityId: string, now: number): void {
	const revealed = readRevealed(serverMap(doc).get('revealedAt'));
	serverMap(doc).set('revealedAt', { ...revealed, [activityId]: now });
}

/**
 * Whether participants write privately right now: the current phase is a silent one, and its
 * notes have not been revealed since the phase was entered.
 */
export function isPrivateNow(view: LiveView, phaseIsPrivate: boolean): boolean {
	if (!phaseIsPrivate || !view.activityId) return false;
	const revealed = view.revealedAt[view.activityId];
	return revealed === undefined || revealed < view.phaseStartedAt;
}
