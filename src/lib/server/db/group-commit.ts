import type Database from 'better-sqlite3';
import { noteWriteFailure } from './health';

/** Told when writes made through `GroupCommit.write` were rolled back instead of committed. */
export type LostListener = () => void;

/**
 * Groups the small writes of one event-loop turn into one SQLite transaction on a connection.
 *
 * A commit costs far more than an insert (a WAL frame for every touched page, written with two
 * system calls each, and the WAL locks), so the collaboration server's many tiny appends share one
 * (checkpoints happen outside commits: see Checkpointer). The
 * transaction is committed by `flush()`, which a writer must call before it lets anyone see what
 * it wrote, and in any case at the end of the turn that opened it. Other code on the same
 * connection keeps working: better-sqlite3 runs its transactions as savepoints inside this one.
 */
export class GroupCommit {
	#begin: Database.Statement;
	#commit: Database.Statement;
	#rollback: Database.Statement;
	#open = false;
	#timer: NodeJS.Immediate | null = null;
	#listeners = new Set<LostListener>();

	constructor(private readonly client: Database.Database) {
		this.#begin = client.prepare('BEGIN');
		this.#commit = client.prepare('COMMIT');
		this.#rollback = client.prepare('ROLLBACK');
	}

	/** Whether writes are waiting for a commit. */
	get pending(): boolean {
		return this.#open;
	}

	/** Runs `fn` inside the turn's transaction, opening one if needed. */
	write<T>(fn: () => T): T {
		if (!this.#open && !this.client.inTransaction) {
			this.#begin.run();
			this.#open = true;
			this.#timer = setImmediate(() => this.#flushQuietly());
		}
		try {
			return fn();
		} catch (error) {
			// Some errors (disk full, I/O) make SQLite roll back the whole transaction: then
			// every write grouped so far is gone, not only this one.
			if (this.#open && !this.client.inTransaction) this.#lost();
			throw error;
		}
	}

	/** Commits what is waiting. On failure the writes are rolled back, listeners told, and it throws. */
	flush(): void {
		if (!this.#open) return;
		if (this.#timer) clearImmediate(this.#timer);
		this.#timer = null;
		try {
			this.#commit.run();
			this.#open = false;
		} catch (error) {
			noteWriteFailure();
			if (this.client.inTransaction) this.#rollback.run();
			this.#lost();
			throw error;
		}
	}

	/** Calls `listener` whenever grouped writes are lost; returns the unsubscribe function. */
	onLost(listener: LostListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#flushQuietly(): void {
		this.#timer = null;
		// Closing a connection rolls its transaction back; nothing is left to commit.
		if (!this.client.open) return void (this.#open = false);
		try {
			this.flush();
		} catch (error) {
			console.error('database: committing grouped writes failed', error);
		}
	}

	#lost(): void {
		this.#open = false;
		if (this.#timer) clearImmediate(this.#timer);
		this.#timer = null;
		for (const listener of this.#listeners) listener();
	}
}

const groups = new WeakMap<Database.Database, GroupCommit>();

/** The one `GroupCommit` of a connection (every writer on it must share the same one). */
export function groupCommit(client: Database.Database): GroupCommit {
	let group = groups.get(client);
	if (!group) groups.set(client, (group = new GroupCommit(client)));
	return group;
}
