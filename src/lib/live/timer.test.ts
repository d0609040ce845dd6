import { describe, expect, it } from 'vitest';
import { IDLE, MAX_TIMER_MS, extendTimer, formatRemaining, isUp, pauseTimer, readTimer, remainingMs, resumeTimer, startTimer } from './timer';

const MIN = 60_000;
// Server time as the facilitator's laptop measures it: its clock + offset. Here the laptop runs
// 90 s behind the server, and a tablet 40 s ahead: both must see the same countdown.
const SERVER = 1_700_000_000_000;
const laptopOffset = 90_000;
const tabletOffset = -40_000;
const laptopLocal = SERVER - laptopOffset;
const tabletLocal = SERVER - tabletOffset;

describe('timer arithmetic', () => {
	it('counts down against the server clock on every device', () => {
		const t = startTimer(10 * MIN, laptopLocal + laptopOffset);
		expect(t).toEqual({ status: 'running', endsAt: SERVER + 10 * MIN, durationMs: 10 * MIN });
		// Three minutes later each device computes the same remaining time from its own clock.
		expect(remainingMs(t, laptopLocal + 3 * MIN + laptopOffset)).toBe(7 * MIN);
		expect(remainingMs(t, tabletLocal + 3 * MIN + tabletOffset)).toBe(7 * MIN);
		// Without the offset the tablet would be 40 s off: the reason the offset exists.
		expect(remainingMs(t, tabletLocal + 3 * MIN)).toBe(7 * MIN - 40_000);
	});

	it('pauses, resumes and keeps what was left', () => {
		const t = startTimer(5 * MIN, SERVER);
		const paused = pauseTimer(t, SERVER + 2 * MIN);
		expect(paused).toEqual({ status: 'paused', remainingMs: 3 * MIN, durationMs: 5 * MIN });
		// Time passes while paused: nothing changes.
		expect(remainingMs(paused, SERVER + 60 * MIN)).toBe(3 * MIN);
		const resumed = resumeTimer(paused, SERVER + 10 * MIN);
		expect(resumed).toEqual({ status: 'running', endsAt: SERVER + 13 * MIN, durationMs: 5 * MIN });
		expect(remainingMs(resumed, SERVER + 12 * MIN)).toBe(MIN);
		// Pausing what is not running, or resuming what is not paused, changes nothing.
		expect(pauseTimer(paused, SERVER)).toBe(paused);
		expect(resumeTimer(resumed, SERVER)).toBe(resumed);
		expect(pauseTimer(IDLE, SERVER)).toBe(IDLE);
	});

	it('extends a running, paused, finished or idle timer', () => {
		const t = startTimer(5 * MIN, SERVER);
		const longer = extendTimer(t, 2 * MIN, SERVER + MIN);
		expect(remainingMs(longer, SERVER + MIN)).toBe(6 * MIN);
		expect(longer.status === 'running' && longer.durationMs).toBe(7 * MIN);
		// After the bell, +1 minute means one minute from now, not from when it ended.
		const late = extendTimer(t, MIN, SERVER + 8 * MIN);
		expect(remainingMs(late, SERVER + 8 * MIN)).toBe(MIN);
		const paused = extendTimer(pauseTimer(t, SERVER + MIN), 30_000, SERVER + 2 * MIN);
		expect(paused).toEqual({ status: 'paused', remainingMs: 4 * MIN + 30_000, durationMs: 5 * MIN + 30_000 });
		expect(extendTimer(IDLE, 3 * MIN, SERVER)).toEqual(startTimer(3 * MIN, SERVER));
		// Taking time away never goes below zero.
		expect(remainingMs(extendTimer(t, -60 * MIN, SERVER), SERVER)).toBe(0);
	});

	it('stops at zero and says when the time is up', () => {
		const t = startTimer(MIN, SERVER);
		expect(isUp(t, SERVER + 59_999)).toBe(false);
		expect(isUp(t, SERVER + MIN)).toBe(true);
		expect(remainingMs(t, SERVER + 5 * MIN)).toBe(0);
		expect(remainingMs(IDLE, SERVER)).toBeNull();
		expect(isUp(IDLE, SERVER)).toBe(false);
	});

	it('clamps durations and formats the remaining time rounding up', () => {
		expect(startTimer(-5, SERVER)).toMatchObject({ durationMs: 0 });
		expect(startTimer(MAX_TIMER_MS * 3, SERVER)).toMatchObject({ durationMs: MAX_TIMER_MS });
		expect(formatRemaining(0)).toBe('0:00');
		expect(formatRemaining(1)).toBe('0:01');
		expect(formatRemaining(59_001)).toBe('1:00');
		expect(formatRemaining(10 * MIN)).toBe('10:00');
		expect(formatRemaining(61 * MIN + 5_000)).toBe('1:01:05');
	});

	it('reads garbage as an idle timer', () => {
		for (const raw of [null, 'x', 5, {}, { status: 'running' }, { status: 'running', endsAt: 'soon', durationMs: 1 }, { status: 'paused', remainingMs: NaN, durationMs: 1 }]) {
			expect(readTimer(raw)).toEqual(IDLE);
		}
		expect(readTimer({ status: 'paused', remainingMs: -5, durationMs: 10 })).toEqual({ status: 'paused', remainingMs: 0, durationMs: 10 });
	});

	it('never shows more than the countdown was set to, even from a clock estimate a little behind', () => {
		const t = startTimer(10 * MIN, SERVER);
		expect(remainingMs(t, SERVER - 300)).toBe(10 * MIN);
		expect(formatRemaining(remainingMs(t, SERVER - 300)!)).toBe('10:00');
		expect(remainingMs(t, SERVER + 300)).toBe(10 * MIN - 300);
	});
});
