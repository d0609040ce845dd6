// How long a process's event loop stood still, and how much of that was garbage collection.
// Loaded with `node --require` into both servers under test (the same probe, so the comparison stays
// fair) and used by the generator processes: a fan-out delay can come from the server, from the
// generator that sends and watches, or from the machine, and these figures tell which.
//
// In a server, SIGUSR2 starts a window; the next SIGUSR2 ends it and appends one JSON line to the
// file named by BENCH_STALLS_FILE. The probe costs one timer wakeup every 10 ms.
'use strict';
const fs = require('node:fs');
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');

const RESOLUTION_MS = 10;

/**
 * @typedef {{ loopP99: number; loopMax: number; gcMs: number; gcMax: number }} Stalls
 * Milliseconds: how late the loop's 10 ms ticks fired (p99, max), and garbage-collection pauses
 * (their sum and the longest).
 */

/** Starts measuring; `stop()` ends the window and returns what it saw. */
function startStalls() {
	const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	/** @type {number[]} */
	const pauses = [];
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) pauses.push(entry.duration);
	});
	observer.observe({ entryTypes: ['gc'] });
	loop.enable();
	return {
		/** @returns {Stalls} */
		stop() {
			loop.disable();
			observer.disconnect();
			// The histogram holds the time between ticks; lateness is what exceeds the period.
			const ms = (/** @type {number} */ ns) => (Number.isFinite(ns) && ns > 0 ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0);
			return {
				loopP99: ms(loop.percentile(99)),
				loopMax: ms(loop.max),
				gcMs: pauses.reduce((sum, d) => sum + d, 0),
				gcMax: pauses.reduce((max, d) => Math.max(max, d), 0)
			};
		}
	};
}

const file = process.env.BENCH_STALLS_FILE;
if (file) {
	/** @type {ReturnType<typeof startStalls> | null} */
	let window = null;
	process.on('SIGUSR2', () => {
		if (!window) return void (window = startStalls());
		const stalls = window.stop();
		window = null;
		fs.appendFileSync(file, JSON.stringify(stalls) + '\n');
	});
}

module.exports = { startStalls };
