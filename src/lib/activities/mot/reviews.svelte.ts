/**
 * The crosswise review as one group's tablet sees it: whom the group reviews, its review, the
 * target's board (read-only, fetched as a Yjs state), and the reviews it received once the
 * facilitator released them. Everything goes through `/api/reviews/<activity>`; the server decides.
 */
import * as Y from 'yjs';

/** A group as the review screens show it. */
export type ReviewGroup = { id: string; name: string; colour: number };

/** What the server tells a participant (see `$lib/server/reviews`). */
export type ReviewState = {
	released: boolean;
	target: ReviewGroup | null;
	mine: { body: string; updatedAt: number } | null;
	received: { from: ReviewGroup; body: string }[];
};

/** The outcome of the last save, for the message under the form. */
export type SaveNotice = 'saved' | 'failed' | 'frozen' | 'moved' | null;

const POLL_MS = 8000;

/** The review duties of one participant's group in one activity. Call `destroy()` when done. */
export class ReviewClient {
	#base: string;
	#state = $state.raw<ReviewState | null>(null);
	#offline = $state(false);
	#saving = $state(false);
	#notice = $state<SaveNotice>(null);
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(activityId: string) {
		this.#base = `/api/reviews/${encodeURIComponent(activityId)}`;
	}

	/** What the server last said; null before the first answer. */
	get state(): ReviewState | null {
		return this.#state;
	}

	/** True when the last refresh failed. */
	get offline(): boolean {
		return this.#offline;
	}

	/** True while a save is on its way. */
	get saving(): boolean {
		return this.#saving;
	}

	/** The outcome of the last save. */
	get notice(): SaveNotice {
		return this.#notice;
	}

	/** Loads now and then every few seconds, so a release shows up without a reload. */
	start(): void {
		void this.refresh();
		this.#timer ??= setInterval(() => {
			if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.refresh();
		}, POLL_MS);
	}

	/** Stops polling. */
	destroy(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Asks the server for the current state. */
	async refresh(): Promise<void> {
		try {
			const res = await fetch(this.#base, { headers: { accept: 'application/json' } });
			if (!res.ok) throw new Error(String(res.status));
			this.#state = (await res.json()) as ReviewState;
			this.#offline = false;
		} catch {
			this.#offline = true;
		}
	}

	/** Saves the group's review of its target; true when stored. */
	async save(body: string): Promise<boolean> {
		const target = this.#state?.target;
		if (!target) return false;
		this.#saving = true;
		this.#notice = null;
		try {
			const res = await fetch(this.#base, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ body, targetGroupId: target.id })
			});
			if (res.ok) {
				this.#notice = 'saved';
				await this.refresh();
				return true;
			}
			const code = ((await res.json().catch(() => ({}))) as { code?: string }).code;
			this.#notice = code === 'released' ? 'frozen' : code === 'moved' ? 'moved' : 'failed';
			await this.refresh();
			return false;
		} catch {
			this.#notice = 'failed';
			return false;
		} finally {
			this.#saving = false;
		}
	}

	/** The target group's board as a document of its own (read-only copy), or null when refused. */
	async targetBoard(): Promise<Y.Doc | null> {
		try {
			const res = await fetch(`${this.#base}/board`);
			if (!res.ok) return null;
			const doc = new Y.Doc();
			Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
			return doc;
		} catch {
			return null;
		}
	}
}
