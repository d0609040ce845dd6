import { newId } from './ids';

/**
 * Each join form carries a one-time attempt id, so that sending it twice (a double tap on slow
 * Wi-Fi, before the first answer arrives) makes one participant, not two: the repeat signs in the
 * participant the first one made. Kept in memory for ten minutes; after a restart in between, a
 * repeat joins anew, as it did before this existed.
 */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;
const ATTEMPT = /^[a-z2-7]{16}$/;

const made = new Map<string, { workshopId: string; participantId: string; at: number }>();

/** A fresh attempt id for a join form. */
export function newAttempt(): string {
	return newId();
}

/** The participant an earlier submission of `attempt` made in `workshopId`, if any. */
export function madeBy(attempt: string, workshopId: string, now = Date.now()): string | null {
	const entry = ATTEMPT.test(attempt) ? made.get(attempt) : undefined;
	if (!entry || entry.workshopId !== workshopId || now - entry.at > TTL_MS) return null;
	return entry.participantId;
}

/** Notes that `attempt` made `participantId`. */
export function remember(attempt: string, workshopId: string, participantId: string, now = Date.now()): void {
	if (!ATTEMPT.test(attempt)) return;
	// Insertion order is age order: drop expired entries, and the oldest beyond the cap.
	for (const [key, entry] of made) {
		if (now - entry.at <= TTL_MS && made.size < MAX_ENTRIES) break;
		made.delete(key);
	}
	made.set(attempt, { workshopId, participantId, at: now });
}
