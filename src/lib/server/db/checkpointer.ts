import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { groupCommit } from './group-commit';
import { noteWriteFailure } from './health';

/** How often the write-ahead log is copied into the database file while there are writes. */
export const CHECKPOINT_INTERVAL_MS = 1000;

/**
 * Checkpoints a WAL-mode connection outside its commits.
 *
 * SQLite's automatic checkpoint runs inside whichever commit takes the log past 1,000 pages, and
 * waits there for two fsyncs: about 6 ms on this kind of disk, during which the event loop stands
 * still and every message that arrives waits. Here commits never checkpoint (`wal_autocheckpoint`
 * is 0). Instead, every `intervalMs` while there have been writes, the log file is first synced
 * on libuv's thread pool, and only then checkpointed on the connection, which then finds the log
 * already on disk and waits for the database file's sync alone (about 1.5 ms).
 */
export class Checkpointer {
	#timer: NodeJS.Timeout;
	#changes: Database.Statement<[], { n: number }>;
	/** `total_changes()` at the last complete checkpoint. */
	#checkpointed = -1;
	#syncing = false;

	constructor(
		private readonly client: Database.Database,
		intervalMs = CHECKPOINT_INTERVAL_MS
	) {
		client.pragma('wal_autocheckpoint = 0');
		this.#changes = client.prepare('SELECT total_changes() AS n');
		this.#timer = setInterval(() => this.#tick(), intervalMs);
		this.#timer.unref();
	}

	/** Stops checkpointing; closing the connection checkpoints one last time by itself. */
	stop(): void {
		clearInterval(this.#timer);
	}

	#tick(): void {
		if (!this.client.open) return this.stop();
		if (this.#syncing || this.#changes.get()?.n === this.#checkpointed) return;
		this.#syncing = true;
		this.#syncLog(() => {
			this.#syncing = false;
			if (this.client.open) this.checkpoint();
		});
	}

	// The log file carries no locks of SQLite's (those are on the -shm file), so opening and
	// closing a descriptor of our own on it leaves SQLite's descriptors alone.
	#syncLog(done: () => void): void {
		fs.open(`${this.client.name}-wal`, 'r', (openError, fd) => {
			if (openError) return done();
			fs.fdatasync(fd, () => fs.close(fd, () => done()));
		});
	}

	/** Copies the log into the database file now; false when it could not (yet) copy all of it. */
	checkpoint(): boolean {
		try {
			// A checkpoint cannot run inside a transaction: commit the grouped writes first.
			groupCommit(this.client).flush();
			if (this.client.inTransaction) return false;
			const changes = this.#changes.get()?.n ?? 0;
			const [result] = this.client.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
			// A reader still using older pages (a backup) holds the rest back; try again next time.
			const complete = result.busy === 0 && result.checkpointed === result.log;
			if (complete) this.#checkpointed = changes;
			return complete;
		} catch (error) {
			noteWriteFailure();
			console.error('database: checkpoint failed', error);
			return false;
		}
	}
}
