import { eq } from 'drizzle-orm';
import * as db from './db';
import { participant, workshop, type Participant, type Workshop } from './db/schema';
import { ALPHABET } from './join-code';
import { RateLimiter } from './rate-limit';
import { normaliseTypedCode } from './typed-code';

// The revisit code is the participant's only key to their recap, on any device, with no
// account: a bearer secret printed on a slip. 10 characters from the 31-letter join-code
// alphabet (no 0/O, 1/I/L, so it survives being read aloud or copied by hand) give
// 31^10 ≈ 8.2 × 10^14 codes (49.5 bits). An address gets ten wrong codes, then one a minute
// (about 525,000 a year). With 10,000 participants on an installation, one address guessing
// for a year finds some code with a probability of about 6 × 10^-6; a thousand addresses
// together would need about a century for an even chance. Still short enough to copy by hand.

/** Length of a revisit code. */
export const CODE_LENGTH = 10;

/** A random revisit code, every character equally likely. */
export function generateCode(): string {
	const out: string[] = [];
	const buf = new Uint8Array(16);
	while (out.length < CODE_LENGTH) {
		crypto.getRandomValues(buf);
		for (const byte of buf) {
			// Rejection sampling: 248 = 8 × 31, so every character is equally likely.
			if (byte < 248 && out.length < CODE_LENGTH) out.push(ALPHABET[byte % ALPHABET.length]);
		}
	}
	return out.join('');
}

/** Normalises what a person typed or a link carried (see normaliseTypedCode). */
export function normalise(input: string): string {
	return normaliseTypedCode(input);
}

/** Whether a normalised string has the shape of a revisit code. */
export function isWellFormed(code: string): boolean {
	return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

/** A code as printed: two groups of five, easier to read and type. */
export function format(code: string): string {
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The participant's revisit code, created (and stored) the first time it is asked for. */
export function codeFor(p: Pick<Participant, 'id' | 'revisitCode'>): string {
	if (p.revisitCode) return p.revisitCode;
	const d = db.get();
	for (let attempt = 0; ; attempt++) {
		const code = generateCode();
		try {
			// Only set when still empty: two tabs asking at once end up with the same code.
			d.$client.prepare('UPDATE participant SET revisit_code = ? WHERE id = ? AND revisit_code IS NULL').run(code, p.id);
			const row = d.select({ code: participant.revisitCode }).from(participant).where(eq(participant.id, p.id)).get();
			if (!row?.code) throw new Error(`participant ${p.id} does not exist`);
			return row.code;
		} catch (error) {
			// A collision with another participant's code breaks the unique index: draw again.
			const unique = error instanceof Error && /UNIQUE/.test(error.message);
			if (!unique || attempt >= 5) throw error;
		}
	}
}

/** The path of a participant's recap. */
export function path(code: string): string {
	return `/r/${code}`;
}

/**
 * Throttles guessing per client address. Only wrong codes use up the allowance, so a device
 * opening its own workshops is never slowed down; but once an address has run out, every
 * attempt is refused before the code is even looked up, so a guesser learns nothing while
 * throttled. Ten wrong codes at once, then one per minute.
 *
 * A code that already opened from an address stays open to it while the address is blocked:
 * a room shares one address behind its NAT, and one learner's typos must not stop the others'
 * open recaps from saving their reports, nor empty their "my workshops". A guesser gains nothing
 * from it: only a code found before the block gets through.
 */
class GuessGuard {
	#wrong: RateLimiter;
	#blocked = new Map<string, number>();
	#opened = new Map<string, number>();
	#refillMs: number;

	constructor(capacity: number, windowMs: number) {
		this.#wrong = new RateLimiter(capacity, windowMs);
		this.#refillMs = windowMs / capacity;
	}

	/** Whether `key` may try a code now. */
	allowed(key: string, now: number): boolean {
		const until = this.#blocked.get(key);
		if (until === undefined) return true;
		if (until > now) return false;
		this.#blocked.delete(key);
		return true;
	}

	/** Whether `code` opened from `key` within the last OPENED_TTL_MS. */
	opened(key: string, code: string, now: number): boolean {
		const until = this.#opened.get(`${key} ${code}`);
		return until !== undefined && until > now;
	}

	/** Notes that `code` opened from `key` (bounded: the oldest entries drop off first). */
	open(key: string, code: string, now: number): void {
		const entry = `${key} ${code}`;
		this.#opened.delete(entry);
		this.#opened.set(entry, now + OPENED_TTL_MS);
		// Insertion order is age order.
		for (const [k, until] of this.#opened) {
			if (until > now && this.#opened.size <= MAX_OPENED) break;
			this.#opened.delete(k);
		}
	}

	/** Counts a wrong code; an address over its allowance waits until one attempt has refilled. */
	wrong(key: string, now: number): void {
		if (this.#wrong.take(key, now)) return;
		if (this.#blocked.size >= 10_000) {
			for (const [k, until] of this.#blocked) if (until <= now) this.#blocked.delete(k);
		}
		this.#blocked.set(key, now + this.#refillMs);
	}
}

/** How long a code that opened from an address passes that address's block. */
const OPENED_TTL_MS = 12 * 60 * 60_000;
const MAX_OPENED = 50_000;
const guard = new GuessGuard(10, 10 * 60_000);

/** What a revisit code opens: the participant, and their workshop. */
export type Found = { participant: Participant; workshop: Workshop };

export type Lookup = ({ ok: true } & Found) | { ok: false; reason: 'wrong' | 'throttled' };

/**
 * Finds the participant a code belongs to, throttling wrong codes per client address. `own` is
 * the code of the participant this device is signed in as (its cookie proves it): never throttled.
 */
export function lookup(input: string, address: string, now = Date.now(), own: string | null = null): Lookup {
	const code = normalise(input);
	const trusted = code === own || guard.opened(address, code, now);
	if (!trusted && !guard.allowed(address, now)) return { ok: false, reason: 'throttled' };
	const found = isWellFormed(code) ? byCode(code) : undefined;
	if (found) {
		guard.open(address, code, now);
		return { ok: true, ...found };
	}
	guard.wrong(address, now);
	return { ok: false, reason: 'wrong' };
}

/** The participant and workshop of a code, without throttling (for the server's own use). */
export function byCode(code: string): Found | undefined {
	const row = db
		.get()
		.select({ participant, workshop })
		.from(participant)
		.innerJoin(workshop, eq(workshop.id, participant.workshopId))
		.where(eq(participant.revisitCode, code))
		.get();
	return row ? { participant: row.participant, workshop: row.workshop } : undefined;
}
