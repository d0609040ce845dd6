import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as live from './model';
import { moveInQueue, orderQueue, shuffled } from './queue';
import { IDLE, pauseTimer, remainingMs, startTimer } from './timer';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const A1 = 'activity-one';
const A2 = 'activity-two';

/** Two replicas of the live document, kept in sync like the facilitator's laptop and a tablet. */
function pair() {
	const facilitator = new Y.Doc();
	const tablet = new Y.Doc();
	facilitator.on('update', (u: Uint8Array) => Y.applyUpdate(tablet, u));
	return { facilitator, tablet };
}

describe('live state: activity and phases', () => {
	it('starts empty', () => {
		const view = live.readLive(new Y.Doc());
		expect(view).toMatchObject({ activityId: null, phase: 0, timer: IDLE, screen: 'auto', locked: [], canUndo: false });
		expect(view.presentation).toEqual({ queue: [], presenting: null, minutes: 5, timer: IDLE });
	});

	it('opens an activity at its first phase and moves next and back', () => {
		const { facilitator, tablet } = pair();
		live.openActivity(facilitator, A1, T0);
		expect(live.readLive(tablet)).toMatchObject({ activityId: A1, phase: 0, phaseStartedAt: T0 });
		live.goToPhase(facilitator, 1, T0 + MIN);
		live.goToPhase(facilitator, 2, T0 + 2 * MIN);
		expect(live.readLive(tablet)).toMatchObject({ phase: 2, phaseStartedAt: T0 + 2 * MIN });
		live.goToPhase(facilitator, 1, T0 + 3 * MIN);
		expect(live.readLive(tablet).phase).toBe(1);
		live.goToPhase(facilitator, -1, T0);
		live.goToPhase(facilitator, 1.5, T0);
		expect(live.readLive(tablet).phase).toBe(1);
	});

	it('undoes a phase advanced by mistake, restoring its running timer', () => {
		const doc = new Y.Doc();
		live.openActivity(doc, A1, T0);
		live.goToPhase(doc, 1, T0 + MIN);
		live.setTimer(doc, startTimer(20 * MIN, T0 + MIN));
		// Oops: "next" pressed five minutes in.
		live.goToPhase(doc, 2, T0 + 6 * MIN);
		expect(live.readLive(doc)).toMatchObject({ phase: 2, timer: IDLE, canUndo: true });
		expect(live.undo(doc)).toBe(true);
		const back = live.readLive(doc);
		expect(back.phase).toBe(1);
		expect(back.phaseStartedAt).toBe(T0 + MIN);
		// The countdown carried on as if nothing had happened.
		expect(remainingMs(back.timer, T0 + 7 * MIN)).toBe(14 * MIN);
	});

	it('undoes step by step back to before the activity, then has nothing left', () => {
		const doc = new Y.Doc();
		live.openActivity(doc, A1, T0);
		live.goToPhase(doc, 1, T0 + 1);
		live.openActivity(doc, A2, T0 + 2);
		expect(live.readLive(doc)).toMatchObject({ activityId: A2, phase: 0 });
		live.undo(doc);
		expect(live.readLive(doc)).toMatchObject({ activityId: A1, phase: 1 });
		live.undo(doc);
		expect(live.readLive(doc)).toMatchObject({ activityId: A1, phase: 0 });
		live.undo(doc);
		expect(live.readLive(doc)).toMatchObject({ activityId: null, canUndo: false });
		expect(live.undo(doc)).toBe(false);
	});

	it('keeps at most MAX_UNDO steps', () => {
		const doc = new Y.Doc();
		for (let i = 0; i < live.MAX_UNDO + 10; i++) live.goToPhase(doc, i % 5, T0 + i);
		let steps = 0;
		while (live.undo(doc)) steps++;
		expect(steps).toBe(live.MAX_UNDO);
	});

	it('stores timer changes for every replica', () => {
		const { facilitator, tablet } = pair();
		live.setTimer(facilitator, startTimer(10 * MIN, T0));
		live.setTimer(facilitator, pauseTimer(live.readLive(facilitator).timer, T0 + 4 * MIN));
		expect(live.readLive(tablet).timer).toEqual({ status: 'paused', remainingMs: 6 * MIN, durationMs: 10 * MIN });
	});
});

describe('live state: presentations', () => {
	const groups = ['g1', 'g2', 'g3'];

	it('orders the queue over the current groups', () => {
		expect(orderQueue([], groups)).toEqual(groups);
		expect(orderQueue(['g3', 'gone', 'g1'], groups)).toEqual(['g3', 'g1', 'g2']);
		expect(moveInQueue(groups, 'g2', -1)).toEqual(['g2', 'g1', 'g3']);
		expect(moveInQueue(groups, 'g3', 1)).toEqual(groups);
		const sequence = [0.1, 0.9];
		const s = shuffled(groups, () => sequence.shift() ?? 0);
		expect([...s].sort()).toEqual(groups);
	});

	it('hands over group by group with a countdown each, undoable', () => {
		const doc = new Y.Doc();
		live.setQueue(doc, ['g2', 'g1', 'g3']);
		live.setPresentMinutes(doc, 4);
		expect(live.presentNext(doc, groups, T0)).toBe('g2');
		const p = live.readLive(doc).presentation;
		expect(p.presenting).toBe('g2');
		expect(remainingMs(p.timer, T0 + MIN)).toBe(3 * MIN);
		expect(live.presentNext(doc, groups, T0 + 5 * MIN)).toBe('g1');
		live.undo(doc);
		expect(live.readLive(doc).presentation.presenting).toBe('g2');
		live.presentNext(doc, groups, T0);
		live.presentNext(doc, groups, T0);
		expect(live.presentNext(doc, groups, T0)).toBeNull();
		expect(live.readLive(doc).presentation).toMatchObject({ presenting: null, timer: IDLE });
	});

	it('clamps presentation minutes and ignores unknown screens', () => {
		const doc = new Y.Doc();
		live.setPresentMinutes(doc, 500);
		expect(live.readLive(doc).presentation.minutes).toBe(live.PRESENT_MINUTES.max);
		live.setScreen(doc, 'results');
		live.setScreen(doc, 'nonsense' as live.Screen);
		expect(live.readLive(doc).screen).toBe('results');
	});
});

describe('live state: locks and private phases', () => {
	it('mirrors the locked groups', () => {
		const doc = new Y.Doc();
		live.setLocked(doc, ['g2', 'g1', 'g1', '']);
		expect(live.readLive(doc).locked).toEqual(['g1', 'g2']);
	});

	it('keeps a silent phase private until the facilitator reveals it', () => {
		const doc = new Y.Doc();
		live.openActivity(doc, A1, T0);
		live.goToPhase(doc, 1, T0 + MIN);
		expect(live.isPrivateNow(live.readLive(doc), true)).toBe(true);
		expect(live.isPrivateNow(live.readLive(doc), false)).toBe(false);
		live.markRevealed(doc, A1, T0 + 2 * MIN);
		expect(live.isPrivateNow(live.readLive(doc), true)).toBe(false);
		// Entering the silent phase again opens a new private round.
		live.goToPhase(doc, 1, T0 + 3 * MIN);
		expect(live.isPrivateNow(live.readLive(doc), true)).toBe(true);
		// Undo back into the revealed round: still revealed.
		live.undo(doc);
		expect(live.isPrivateNow(live.readLive(doc), true)).toBe(false);
	});

	it('reads garbage written into the document as defaults', () => {
		const doc = new Y.Doc();
		const state = doc.getMap('state');
		state.set('activityId', 42);
		state.set('phase', -3);
		state.set('presentation', { queue: 'g1', presenting: 7, minutes: 'ten' });
		doc.getMap('server').set('locked', [1, 'g1', null]);
		doc.getArray('history').push(['junk']);
		const view = live.readLive(doc);
		expect(view).toMatchObject({ activityId: null, phase: 0, locked: ['g1'] });
		expect(view.presentation).toEqual({ queue: [], presenting: null, minutes: 5, timer: IDLE });
		expect(live.undo(doc)).toBe(true);
		expect(live.readLive(doc).activityId).toBeNull();
	});
});
