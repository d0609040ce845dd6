import { loadLeaderboard, type LeaderboardData } from './api';

/** How often a shown leaderboard asks again, so a reveal reaches the projector and tablets. */
export const REFRESH_MS = 5000;

/**
 * A leaderboard that keeps itself fresh: fetched at once, then every few seconds while shown.
 * `revealedOnly` asks for what the room may see even from the facilitator's session.
 */
export class LeaderboardState {
	#data = $state<LeaderboardData | null>(null);
	#error = $state<string | null>(null);
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		readonly workshopId: string,
		readonly activityId: string | undefined,
		readonly revealedOnly: boolean
	) {
		this.refresh();
		this.#timer = setInterval(() => this.refresh(), REFRESH_MS);
	}

	/** The last board received. */
	get data() {
		return this.#data;
	}

	/** The last failure, cleared by the next success (the old board stays shown meanwhile). */
	get error() {
		return this.#error;
	}

	/** Fetches the board now. */
	async refresh() {
		const result = await loadLeaderboard(this.workshopId, this.activityId, this.revealedOnly);
		if (result.ok) {
			this.#data = result.data;
			this.#error = null;
		} else {
			this.#error = result.message;
		}
	}

	/** Stops refreshing. */
	destroy() {
		clearInterval(this.#timer);
	}
}
