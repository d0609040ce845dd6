import { MAX_REPORT, codePoints, countChars } from './count';

/** Where the draft stands with respect to the server. */
export type DraftStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'too-long' | 'locked' | 'conflict';

/** How long typing must pause before the draft is sent. */
export const DEBOUNCE_MS = 1000;
const RETRY_MS = 5000;

// `base` is when the server last stored the text this edit started from (server clock, so the
// device's own clock never matters).
type Backup = { body: string; base: number };

/**
 * A learning report being written: the text, its character count, and autosave. Every change is
 * copied to this device's storage at once and sent to the server after a short pause, so neither
 * a reload nor a dropped connection loses a word; a copy newer than the server's is picked up
 * again when the page opens.
 */
export class ReportDraft {
	#body = $state('');
	#saved = $state('');
	#status = $state<DraftStatus>('saved');
	#savedAt = $state<number | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#sending: Promise<void> | null = null;
	/** The text another tab or device saved meanwhile, while in conflict. */
	#theirs = $state<{ body: string; updatedAt: number } | null>(null);
	#endpoint: string;
	#key: string;

	/** `body` and `updatedAt` as the server has them; `endpoint` takes `{ body }` as JSON. */
	constructor(opts: { endpoint: string; storageKey: string; body: string; updatedAt: number }) {
		this.#endpoint = opts.endpoint;
		this.#key = opts.storageKey;
		this.#body = this.#saved = opts.body;
		this.#savedAt = opts.updatedAt > 0 ? opts.updatedAt : null;
		const local = this.#readBackup();
		if (local && local.base >= opts.updatedAt && local.body !== opts.body) {
			// Typed here but never reached the server (closed tab, no network), and nobody saved
			// since from another device: carry on from it.
			this.#body = local.body;
			this.#status = 'unsaved';
			this.#schedule(0);
		} else if (local) {
			this.#dropBackup();
		}
	}

	/** The text. */
	get body(): string {
		return this.#body;
	}

	/** Replaces the text (every keystroke): kept on this device now, sent after a pause. */
	set body(value: string) {
		if (value === this.#body) return;
		this.#body = value;
		this.#writeBackup(value);
		// In conflict, typing goes on but nothing is sent until the writer has chosen.
		if (this.#status === 'conflict') return;
		this.#status = codePoints(value) > MAX_REPORT ? 'too-long' : 'unsaved';
		this.#schedule(DEBOUNCE_MS);
	}

	/** Characters as counted for the target (code points, spaces not counted). */
	get count(): number {
		return countChars(this.#body);
	}

	/** The autosave state, for the saved/unsaved indicator. */
	get status(): DraftStatus {
		return this.#status;
	}

	/** When the server last stored the text (ms), if ever. */
	get savedAt(): number | null {
		return this.#savedAt;
	}

	/** Whether the server has exactly what is on screen. */
	get clean(): boolean {
		return this.#body === this.#saved;
	}

	/** In conflict: the text saved elsewhere meanwhile. */
	get theirs(): string | null {
		return this.#theirs?.body ?? null;
	}

	/** In conflict: drops this tab's text for the one saved elsewhere. */
	takeTheirs(): void {
		if (!this.#theirs) return;
		this.#body = this.#saved = this.#theirs.body;
		this.#savedAt = this.#theirs.updatedAt;
		this.#theirs = null;
		this.#status = 'saved';
		this.#dropBackup();
	}

	/** In conflict: saves this tab's text over the one saved elsewhere. */
	async keepMine(): Promise<void> {
		if (!this.#theirs) return;
		// Now based on what is stored: the next save replaces it knowingly.
		this.#savedAt = this.#theirs.updatedAt;
		this.#saved = this.#theirs.body;
		this.#theirs = null;
		this.#status = 'unsaved';
		await this.flush();
	}

	/** Sends the text now (before submitting, or when leaving); resolves when the server has it. */
	async flush(): Promise<void> {
		this.#clearTimer();
		while (this.#sending) await this.#sending;
		if (this.clean || this.#halted) return;
		this.#sending = this.#send(this.#body).finally(() => (this.#sending = null));
		await this.#sending;
	}

	/** Last-chance save when the page is hidden or closed (the browser finishes the request). */
	flushOnExit(): void {
		if (this.clean || this.#halted) return;
		if (typeof navigator === 'undefined' || !navigator.sendBeacon) return;
		// text/plain keeps the beacon a simple request; the endpoint parses the JSON itself.
		navigator.sendBeacon(this.#endpoint, new Blob([this.#payload(this.#body)], { type: 'text/plain' }));
	}

	/** Stops the timers (the backup on this device stays until the server has the text). */
	destroy(): void {
		this.#clearTimer();
	}

	#schedule(ms: number): void {
		this.#clearTimer();
		if (this.#halted) return;
		this.#timer = setTimeout(() => void this.flush(), ms);
	}

	/** Nothing is sent until the writer acts: too long, submitted elsewhere, or in conflict. */
	get #halted(): boolean {
		return this.#status === 'too-long' || this.#status === 'locked' || this.#status === 'conflict';
	}

	/** What a save sends: the text, and when the server stored the text it started from. */
	#payload(body: string): string {
		return JSON.stringify({ body, base: this.#savedAt ?? 0 });
	}

	#clearTimer(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	async #send(body: string): Promise<void> {
		this.#status = 'saving';
		let response: Response;
		try {
			response = await fetch(this.#endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: this.#payload(body)
			});
		} catch {
			this.#status = 'offline';
			this.#schedule(RETRY_MS);
			return;
		}
		if (response.ok) {
			const { updatedAt } = (await response.json().catch(() => ({}))) as { updatedAt?: number };
			this.#saved = body;
			this.#savedAt = updatedAt ?? Date.now();
			if (this.#body === body) {
				this.#status = 'saved';
				this.#dropBackup();
			} else {
				this.#status = 'unsaved';
				this.#schedule(DEBOUNCE_MS);
			}
			return;
		}
		if (response.status === 409) {
			const answer = (await response.json().catch(() => ({}))) as { reason?: string; body?: string; updatedAt?: number };
			if (answer.reason === 'conflict' && typeof answer.body === 'string' && typeof answer.updatedAt === 'number') {
				// Saved elsewhere meanwhile: neither text is lost; the writer chooses (the backup keeps this one).
				this.#theirs = { body: answer.body, updatedAt: answer.updatedAt };
				this.#status = 'conflict';
			} else this.#status = 'locked';
		}
		else if (response.status === 413) this.#status = 'too-long';
		else {
			this.#status = 'offline';
			this.#schedule(RETRY_MS);
		}
	}

	#readBackup(): Backup | null {
		try {
			const raw = globalThis.localStorage?.getItem(this.#key);
			const parsed = raw ? (JSON.parse(raw) as Backup) : null;
			return parsed && typeof parsed.body === 'string' && typeof parsed.base === 'number' ? parsed : null;
		} catch {
			return null;
		}
	}

	#writeBackup(body: string): void {
		try {
			globalThis.localStorage?.setItem(this.#key, JSON.stringify({ body, base: this.#savedAt ?? 0 } satisfies Backup));
		} catch {
			// Storage full or disabled (private mode): the server copy still follows shortly.
		}
	}

	#dropBackup(): void {
		try {
			globalThis.localStorage?.removeItem(this.#key);
		} catch {
			// nothing to do
		}
	}
}
