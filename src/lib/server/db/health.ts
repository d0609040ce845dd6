import type Database from 'better-sqlite3';

/**
 * Whether the database can be written right now, for /healthz: reading alone says nothing of a
 * read-only file (a restore run as another user) or a full disk. Writers report their failures
 * here; a probe writes and rolls back.
 */

/** How long a failed write keeps the database reported as failing. */
const RECENT_MS = 30_000;

let lastFailure = Number.NEGATIVE_INFINITY;

/** Called where writes fail (a commit, a checkpoint). */
export function noteWriteFailure(now = Date.now()): void {
	lastFailure = now;
}

/** Null when `client` can be written, else why not (for the log, not for anonymous callers). */
export function writeProblem(client: Database.Database, now = Date.now()): string | null {
	if (now - lastFailure < RECENT_MS) return 'a write failed in the last 30 s';
	// The grouped writes of this turn hold the lock already: then it is writable.
	if (client.inTransaction) return null;
	try {
		// A real write (the header's user_version, set to itself), rolled back: taking the lock
		// alone succeeds on a read-only file.
		const version = client.pragma('user_version', { simple: true }) as number;
		client.exec('BEGIN IMMEDIATE');
		client.pragma(`user_version = ${Number(version) | 0}`);
		client.exec('ROLLBACK');
		return null;
	} catch (error) {
		if (client.inTransaction) client.exec('ROLLBACK');
		return String(error);
	}
}
