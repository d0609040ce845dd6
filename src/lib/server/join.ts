import * as m from '$lib/paraglide/messages';
import * as joinCode from './join-code';
import { RateLimiter } from './rate-limit';
import * as workshops from './workshops';

// Only wrong codes count: a whole classroom behind one address joins at once, but a guesser
// gets 20 wrong codes per address, then 2 per minute. Once over the limit, an address gets no
// answer at all, right code or wrong, so the limit really slows guessing. With 31^6 codes that
// makes guessing an open workshop hopeless.
const wrongCodes = new RateLimiter(20, 10 * 60_000);

export type Lookup =
	| { ok: true; workshop: NonNullable<ReturnType<typeof workshops.byJoinCode>> }
	| { ok: false; reason: 'wrong' | 'ended' | 'throttled' };

/** Finds the open workshop for a typed code, throttling wrong codes per client address. */
export function lookup(input: string, address: string): Lookup {
	if (!wrongCodes.allows(address)) return { ok: false, reason: 'throttled' };
	const code = joinCode.normalise(input);
	const w = joinCode.isWellFormed(code) ? workshops.byJoinCode(code) : undefined;
	if (w) return { ok: true, workshop: w };
	// Not a code that joins, so it counts like a wrong one; but a learner who kept the code of a
	// workshop that has ended is told so, and where to look back, instead of retyping it.
	wrongCodes.take(address);
	return { ok: false, reason: joinCode.isWellFormed(code) && workshops.endedWithJoinCode(code) ? 'ended' : 'wrong' };
}

/** What a learner is told when `lookup` finds no workshop to join, and the HTTP status for it. */
export function refusal(reason: 'wrong' | 'ended' | 'throttled'): { status: 400 | 429; message: string } {
	if (reason === 'throttled') return { status: 429, message: m.join_throttled() };
	return { status: 400, message: reason === 'ended' ? m.join_code_ended() : m.join_code_wrong() };
}
