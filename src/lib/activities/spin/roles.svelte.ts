/**
 * The group's roles and, for the round's customer (or the facilitator), the hidden brief: both
 * are server records, fetched from the role-play endpoints and refreshed by polling and by the
 * hints teammates leave in the board document. The brief is kept in memory only while this
 * device may see it.
 */
import type { CustomerBrief, PersonaChoice, RolesRequest, RolesState } from './types';

/** How often the roles are reloaded when no hint arrives. */
const POLL_MS = 4000;

/** What went wrong with the last request, for the board to say in words. */
export type RolesProblem = 'load' | 'conflict' | 'too-few' | 'refused' | null;

/** The roles of one group in one activity, as this device may know them. */
export class RolePlay {
	#base: string;
	#query: string;
	#state = $state.raw<RolesState | null>(null);
	#brief = $state.raw<CustomerBrief | null>(null);
	#briefKey = '';
	#problem = $state<RolesProblem>(null);
	#busy = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;
	#destroyed = false;

	/** `facilitator`: ask about `groupId` as its workshop's facilitator (who may see every brief). */
	constructor(activityId: string, groupId: string, facilitator: boolean) {
		this.#base = `/api/activities/${encodeURIComponent(activityId)}`;
		this.#query = facilitator ? `?groupId=${encodeURIComponent(groupId)}` : '';
		if (typeof window === 'undefined') return;
		void this.refresh();
		this.#timer = setInterval(() => void this.refresh(), POLL_MS);
	}

	/** The roles as last loaded; null until the first answer. */
	get state(): RolesState | null {
		return this.#state;
	}

	/** The hidden brief of the current round, when this device may see it. */
	get brief(): CustomerBrief | null {
		return this.#brief;
	}

	/** The last request's problem, if any. */
	get problem(): RolesProblem {
		return this.#problem;
	}

	/** True while a change is being saved. */
	get busy(): boolean {
		return this.#busy;
	}

	/** Reloads the roles; `forceBrief` reloads the brief even if the round and card look unchanged. */
	async refresh(forceBrief = false): Promise<void> {
		try {
			const res = await fetch(`${this.#base}/roles${this.#query}`, { headers: { accept: 'application/json' } });
			if (this.#destroyed) return;
			if (!res.ok) {
				this.#problem = 'load';
				return;
			}
			this.#apply((await res.json()) as RolesState, forceBrief);
			if (this.#problem === 'load') this.#problem = null;
		} catch {
			if (!this.#destroyed) this.#problem = 'load';
		}
	}

	/** Starts the next round with a card and persona; false when refused (the reason is in `problem`). */
	start(round: number, scenarioKey: string, persona: PersonaChoice): Promise<boolean> {
		return this.#send({ action: 'start', round, scenarioKey, persona });
	}

	/** Changes the current round's card and persona. */
	setCard(scenarioKey: string, persona: PersonaChoice): Promise<boolean> {
		return this.#send({ action: 'card', scenarioKey, persona });
	}

	/** Deals the current round's roles again over today's members. */
	redo(): Promise<boolean> {
		return this.#send({ action: 'redo' });
	}

	/** Stops polling and forgets the brief. */
	destroy(): void {
		this.#destroyed = true;
		if (this.#timer) clearInterval(this.#timer);
		this.#brief = null;
	}

	async #send(body: RolesRequest): Promise<boolean> {
		this.#busy = true;
		this.#problem = null;
		try {
			const groupId = new URLSearchParams(this.#query).get('groupId');
			const res = await fetch(`${this.#base}/roles`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(groupId ? { ...body, groupId } : body)
			});
			if (res.ok) {
				this.#apply((await res.json()) as RolesState, true);
				return true;
			}
			const code = ((await res.json().catch(() => ({}))) as { code?: string }).code;
			this.#problem = res.status === 409 ? 'conflict' : code === 'too-few' ? 'too-few' : 'refused';
			await this.refresh();
			return false;
		} catch {
			this.#problem = 'load';
			return false;
		} finally {
			this.#busy = false;
		}
	}

	#apply(state: RolesState, forceBrief: boolean): void {
		this.#state = state;
		const facilitator = this.#query !== '';
		const entitled = state.round > 0 && (facilitator || state.myRole === 'customer');
		if (!entitled) {
			this.#brief = null;
			this.#briefKey = '';
			return;
		}
		const key = `${state.round}:${state.scenarioKey}:${state.personaKey ?? ''}`;
		if (forceBrief || key !== this.#briefKey) void this.#loadBrief(key);
	}

	async #loadBrief(key: string): Promise<void> {
		this.#briefKey = key;
		try {
			const res = await fetch(`${this.#base}/brief${this.#query}`, { headers: { accept: 'application/json' } });
			if (this.#destroyed || this.#briefKey !== key) return;
			// A 403 means the role moved on in the meantime: drop what we had.
			this.#brief = res.ok ? ((await res.json()) as { brief: CustomerBrief | null }).brief : null;
			if (!res.ok) this.#briefKey = '';
		} catch {
			this.#briefKey = '';
		}
	}
}
