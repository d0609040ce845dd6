import { newId } from './ids';

/**
 * Each join form carries a one-time attempt id, so that sending it twice (a double tap on slow
 * Wi-Fi, before the first answer arrives) makes one participant, not two: the repeat signs in the
 * participant the first one made, with the same cookie token (whichever answer the browser keeps,
 * its cookie works). Kept in memory only, for two minutes (a double tap on slow Wi-Fi spans
 * seconds; a form kept longer, reached with the back button, joins anew); after a restart in
 * between, a repeat joins anew, as it did before this existed.
 */
const TTL_MS = 2 * 60_000;
const MAX_ENTRIES = 10_000;
const ATTEMPT = /^[a-z2-7]{16}$/;

type Made = { workshopId: string; participantId: string; token: string; at: number };

const made = new Map<string, Made>();

/** A fresh attempt id for a join form. */
export function newAttempt(): string {
	return newId();
}

/** The participant (and cookie token) an earlier submission of `attempt` made in `workshopId`, if any. */
export function madeBy(attempt: string, workshopId: string, now = Date.now()): { participantId: string; token: string } | null {
	const entry = ATTEMPT.test(attempt) ? made.get(attempt) : undefined;
	if (!entry || entry.workshopId !== workshopId || now - entry.at > TTL_MS) return null;
	return { participantId: entry.participantId, token: entry.token };
}

/** Notes that `attempt` made `participantId`, signed in with `token`. */
export function remember(attempt: string, workshopId: string, participantId: string, token: string, now = Date.now()): void {
	if (!ATTEMPT.test(attempt)) return;
	// Insertion order is age order: drop expired entries, and the oldest beyond the cap.
	for (const [key, entry] of made) {
		if (now - entry.at <= TTL_MS && made.size < MAX_ENTRIES) break;
		made.delete(key);
	}
	made.set(attempt, { workshopId, participantId, token, at: now });
}

/** Forgets what `participantId`'s form made: the device was handed on ("not you?"), so an old form on it must not sign the next person in as them. */
export function forgetParticipant(participantId: string): void {
	for (const [key, entry] of made) if (entry.participantId === participantId) made.delete(key);
}
