/**
 * The facilitator's side of crosswise review: every pair with what was written, and the switch
 * that releases the reviews to the reviewed groups. Talks to `/api/reviews/<activity>/pairs` and
 * `/release`; the server checks that the activity belongs to this facilitator.
 */
import type { ReviewGroup } from './reviews.svelte';

/** What the server returns (see `overview` in `$lib/server/reviews`). */
export type ReviewOverview = {
	releasedAt: number | null;
	pairs: { reviewer: ReviewGroup; target: ReviewGroup; body: string; updatedAt: number | null }[];
};

const POLL_MS = 10_000;

/** The review pairs of one activity, kept fresh while shown. Call `destroy()` when done. */
export class ReviewsControlState {
	#base: string;
	#overview = $state.raw<ReviewOverview | null>(null);
	#busy = $state(false);
	#failed = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(activityId: string) {
		this.#base = `/api/reviews/${encodeURIComponent(activityId)}`;
	}

	/** The pairs and release time; null before the first answer. */
	get overview(): ReviewOverview | null {
		return this.#overview;
	}

	/** True while a release or take-back is on its way. */
	get busy(): boolean {
		return this.#busy;
	}

	/** True when the last request failed. */
	get failed(): boolean {
		return this.#failed;
	}

	/** How many pairs have written something. */
	get written(): number {
		return this.#overview?.pairs.filter((p) => p.body.trim()).length ?? 0;
	}

	/** Loads now and every few seconds, as groups write. */
	start(): void {
		void this.refresh();
		this.#timer ??= setInterval(() => void this.refresh(), POLL_MS);
	}

	/** Stops polling. */
	destroy(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Asks the server for the pairs. */
	async refresh(): Promise<void> {
		try {
			const res = await fetch(`${this.#base}/pairs`, { headers: { accept: 'application/json' } });
			if (!res.ok) throw new Error(String(res.status));
			this.#overview = (await res.json()) as ReviewOverview;
			this.#failed = false;
		} catch {
			this.#failed = true;
		}
	}

	/** Releases the reviews (true) or takes them back (false). */
	async release(released: boolean): Promise<void> {
		this.#busy = true;
		try {
			const res = await fetch(`${this.#base}/release`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ released })
			});
			if (!res.ok) throw new Error(String(res.status));
			this.#overview = (await res.json()) as ReviewOverview;
			this.#failed = false;
		} catch {
			this.#failed = true;
		} finally {
			this.#busy = false;
		}
	}
}
