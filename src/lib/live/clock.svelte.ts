import { createSubscriber } from 'svelte/reactivity';
import { estimateOffset, parseServerTime, type ClockSample } from './clock';

const SAMPLES = 3;
const RESYNC_MS = 5 * 60 * 1000;
const TICK_MS = 250;

/**
 * The server's time on this device: the local clock plus an offset measured against
 * `GET /api/time`. Reading `now` inside an effect or template ticks four times a second, so
 * countdowns redraw on their own; the ticking stops when nothing reads it.
 */
export class ServerClock {
	#offset = $state(0);
	#measured = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;
	#cleanups: (() => void)[] = [];
	#tick = createSubscriber((update) => {
		const t = setInterval(update, TICK_MS);
		return () => clearInterval(t);
	});

	constructor(private readonly url = '/api/time') {
		if (typeof window === 'undefined') return;
		void this.sync();
		this.#timer = setInterval(() => void this.sync(), RESYNC_MS);
		// A tablet that slept may have drifted, or its clock been set meanwhile.
		const onVisible = () => document.visibilityState === 'visible' && void this.sync();
		document.addEventListener('visibilitychange', onVisible);
		this.#cleanups.push(() => document.removeEventListener('visibilitychange', onVisible));
	}

	/** The server's time now, in ms; reactive (ticks while read). */
	get now(): number {
		this.#tick();
		return Date.now() + this.#offset;
	}

	/** The server's time now, in ms, without subscribing to ticks (for writes). */
	read(): number {
		return Date.now() + this.#offset;
	}

	/** Milliseconds to add to this device's clock to get the server's. */
	get offset(): number {
		return this.#offset;
	}

	/** Whether the offset has been measured at least once. */
	get measured(): boolean {
		return this.#measured;
	}

	/** Measures the offset again; keeps the previous one if the server cannot be reached. */
	async sync(): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < SAMPLES; i++) {
			try {
				const sentAt = Date.now();
				const res = await fetch(this.url, { cache: 'no-store' });
				const receivedAt = Date.now();
				const serverTime = parseServerTime(await res.json());
				if (serverTime !== null) samples.push({ sentAt, receivedAt, serverTime });
			} catch {
				// Offline for now: the last measured offset stays good enough for a countdown.
			}
		}
		const offset = estimateOffset(samples);
		if (offset === null) return;
		this.#offset = offset;
		this.#measured = true;
	}

	/** Stops re-measuring. */
	destroy(): void {
		if (this.#timer) clearInterval(this.#timer);
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
	}
}
