/**
 * The facilitator's countdown, as plain data that every device reads the same way.
 *
 * A running timer stores when it ends in the SERVER's clock (`endsAt`), never how much is left:
 * every tablet subtracts the server's "now" (its own clock plus a measured offset), so all
 * screens agree, and a reload or reconnect picks the countdown up where it is. Every function
 * here is pure: "now" is always passed in, in server milliseconds.
 */

/** A countdown: not started, running until `endsAt`, or paused with `remainingMs` left. */
export type Timer =
	| { status: 'idle' }
	| { status: 'running'; endsAt: number; durationMs: number }
	| { status: 'paused'; remainingMs: number; durationMs: number };

/** Longest countdown accepted (a full training day). */
export const MAX_TIMER_MS = 8 * 60 * 60 * 1000;

/** The stopped timer. */
export const IDLE: Timer = Object.freeze({ status: 'idle' });

const clampMs = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));

/** Starts a countdown of `durationMs` at server time `now`. */
export function startTimer(durationMs: number, now: number): Timer {
	const duration = clampMs(durationMs);
	return { status: 'running', endsAt: now + duration, durationMs: duration };
}

/** Freezes a running countdown with what is left at `now`; anything else is returned as is. */
export function pauseTimer(timer: Timer, now: number): Timer {
	if (timer.status !== 'running') return timer;
	return { status: 'paused', remainingMs: clampMs(timer.endsAt - now), durationMs: timer.durationMs };
}

/** Lets a paused countdown run on from `now`; anything else is returned as is. */
export function resumeTimer(timer: Timer, now: number): Timer {
	if (timer.status !== 'paused') return timer;
	return { status: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs };
}

/**
 * Gives `ms` more time (negative takes time away, never below zero). A countdown that already ran
 * out restarts from `now`, so "+1 minute" after the bell really means one more minute.
 * An idle timer starts with `ms`.
 */
export function extendTimer(timer: Timer, ms: number, now: number): Timer {
	if (timer.status === 'idle') return ms > 0 ? startTimer(ms, now) : timer;
	if (timer.status === 'paused') {
		const remainingMs = clampMs(timer.remainingMs + ms);
		return { status: 'paused', remainingMs, durationMs: clampMs(timer.durationMs + (remainingMs - timer.remainingMs)) };
	}
	const left = Math.max(0, timer.endsAt - now);
	const nextLeft = clampMs(left + ms);
	return { status: 'running', endsAt: now + nextLeft, durationMs: clampMs(timer.durationMs + (nextLeft - left)) };
}

/** Stops the countdown. */
export function stopTimer(): Timer {
	return IDLE;
}

/**
 * Milliseconds left at `now`; null when the timer is idle. Never negative, and never more than the
 * countdown was set to: a device whose estimate of the server's clock is a little behind would
 * otherwise show 10:01 on a ten-minute timer.
 */
export function remainingMs(timer: Timer, now: number): number | null {
	if (timer.status === 'idle') return null;
	if (timer.status === 'paused') return timer.remainingMs;
	return Math.min(timer.durationMs, Math.max(0, timer.endsAt - now));
}

/** Whether a started countdown has reached zero. */
export function isUp(timer: Timer, now: number): boolean {
	return timer.status !== 'idle' && remainingMs(timer, now) === 0;
}

/** Remaining time as `m:ss` (or `h:mm:ss`), rounding up so "0:00" means the time is really up. */
export function formatRemaining(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads a timer from the document defensively; anything malformed reads as idle. */
export function readTimer(raw: unknown): Timer {
	if (!raw || typeof raw !== 'object') return IDLE;
	const t = raw as Record<string, unknown>;
	if (t.status === 'running' && finite(t.endsAt) && finite(t.durationMs)) {
		return { status: 'running', endsAt: t.endsAt, durationMs: clampMs(t.durationMs) };
	}
	if (t.status === 'paused' && finite(t.remainingMs) && finite(t.durationMs)) {
		return { status: 'paused', remainingMs: clampMs(t.remainingMs), durationMs: clampMs(t.durationMs) };
	}
	return IDLE;
}
