/**
 * A token bucket per key, kept in memory: losing it on restart only resets the counters, which
 * is acceptable for throttling guesses. Stale buckets are swept so the map stays bounded.
 */
export class RateLimiter {
	#buckets = new Map<string, { tokens: number; at: number }>();
	#capacity: number;
	#perMs: number;

	/** `capacity` attempts at once, refilled at `capacity` per `windowMs`. */
	constructor(capacity: number, windowMs: number) {
		this.#capacity = capacity;
		this.#perMs = capacity / windowMs;
	}

	/** Takes one attempt for `key`; false when the key is over its limit. */
	take(key: string, now = Date.now()): boolean {
		this.#sweep(now);
		const b = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
		b.tokens = this.#level(b, now);
		b.at = now;
		if (b.tokens < 1) {
			this.#buckets.set(key, b);
			return false;
		}
		b.tokens -= 1;
		this.#buckets.set(key, b);
		return true;
	}

	/** Whether `key` has an attempt left, without using it. */
	allows(key: string, now = Date.now()): boolean {
		const b = this.#buckets.get(key);
		return !b || this.#level(b, now) >= 1;
	}

	/** Gives back one attempt taken for `key` (one that turned out not to count). */
	refund(key: string, now = Date.now()): void {
		const b = this.#buckets.get(key);
		if (!b) return;
		b.tokens = Math.min(this.#capacity, this.#level(b, now) + 1);
		b.at = now;
	}

	/** Forgets a key (e.g. after a successful login). */
	reset(key: string): void {
		this.#buckets.delete(key);
	}

	#sweep(now: number) {
		if (this.#buckets.size < 10_000) return;
		for (const [key, b] of this.#buckets) {
			if (this.#level(b, now) >= this.#capacity) this.#buckets.delete(key);
		}
	}

	/** The attempts a bucket holds at `now`, refilled since it was last touched. */
	#level(b: { tokens: number; at: number }, now: number): number {
		return Math.min(this.#capacity, b.tokens + (now - b.at) * this.#perMs);
	}
}
