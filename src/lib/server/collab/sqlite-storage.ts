import type Database from 'better-sqlite3';
import { groupCommit, type GroupCommit } from '../db/group-commit';
import type { DocStorage, StoredDoc } from './storage';

interface Row {
	id: number;
	update: Buffer;
}

// better-sqlite3 binds Buffers as blobs; wrapping shares memory instead of copying.
const asBuffer = (bytes: Uint8Array): Buffer =>
	Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The Yjs log in the `yjs_update` table (created by the migrations, never here).
 * Appends of one event-loop turn share one transaction (see GroupCommit): an append is in
 * SQLite when it returns, and durable once `flush()` has returned (or the turn has ended).
 * Closing the connection rolls back what was not flushed: flush first.
 */
export class SqliteStorage implements DocStorage {
	#load: Database.Statement<[string], Row>;
	#append: Database.Statement<[string, Buffer]>;
	#deleteBefore: Database.Statement<[string, number]>;
	#replace: Database.Statement<[Buffer, string, number]>;
	#count: Database.Statement<[string], { n: number }>;
	#delete: Database.Statement<[string]>;
	#compact: (doc: string, merged: Buffer, upToId: number) => void;
	#group: GroupCommit;
	/** Documents appended to since the last commit. */
	#batch = new Set<string>();
	#lostListeners = new Set<(docs: string[]) => void>();

	constructor(db: Database.Database) {
		this.#group = groupCommit(db);
		this.#group.onLost(() => {
			const docs = [...this.#batch];
			this.#batch.clear();
			for (const listener of this.#lostListeners) listener(docs);
		});
		this.#load = db.prepare<[string], Row>(
			'SELECT id, "update" FROM yjs_update WHERE doc = ? ORDER BY id'
		);
		this.#append = db.prepare<[string, Buffer]>(
			'INSERT INTO yjs_update (doc, "update") VALUES (?, ?)'
		);
		this.#deleteBefore = db.prepare<[string, number]>('DELETE FROM yjs_update WHERE doc = ? AND id < ?');
		this.#replace = db.prepare<[Buffer, string, number]>(
			'UPDATE yjs_update SET "update" = ? WHERE doc = ? AND id = ?'
		);
		this.#count = db.prepare<[string], { n: number }>(
			'SELECT count(*) AS n FROM yjs_update WHERE doc = ?'
		);
		this.#delete = db.prepare<[string]>('DELETE FROM yjs_update WHERE doc = ?');
		// The merged state takes the place of the newest row it replaces, keeping that row's id: a
		// new row would get the top id plus one, and where the deleted rows were the top ones (a
		// document alone in the table), ids would start over below ones already handed out.
		const compact = db.transaction((doc: string, merged: Buffer, upToId: number) => {
			this.#deleteBefore.run(doc, upToId);
			if (this.#replace.run(merged, doc, upToId).changes === 0) this.#append.run(doc, merged);
		});
		// IMMEDIATE takes the write lock up front, so another connection cannot slip in
		// between the delete and the write and make this transaction fail half-way.
		this.#compact = (doc, merged, upToId) => compact.immediate(doc, merged, upToId);
	}

	/** All rows of `doc` in id order. */
	load(doc: string): StoredDoc {
		const rows = this.#load.all(doc);
		return {
			updates: rows.map((row) => new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength)),
			lastId: rows.length > 0 ? rows[rows.length - 1].id : 0
		};
	}

	/** Inserts one row into the turn's transaction and returns its id. */
	append(doc: string, update: Uint8Array): number {
		// No transaction waiting means the last batch was committed (by whichever writer).
		if (!this.#group.pending) this.#batch.clear();
		const id = this.#group.write(() => Number(this.#append.run(doc, asBuffer(update)).lastInsertRowid));
		this.#batch.add(doc);
		return id;
	}

	/** Commits every append so far; throws (after telling the `onLost` listeners) when they were lost. */
	flush(): void {
		this.#group.flush();
		this.#batch.clear();
	}

	/** Calls `listener` with the documents whose uncommitted appends were rolled back. */
	onLost(listener: (docs: string[]) => void): void {
		this.#lostListeners.add(listener);
	}

	/** Replaces rows up to `upToId` by `merged` (stored under `upToId`), in one transaction of its own. */
	compact(doc: string, merged: Uint8Array, upToId: number): void {
		this.flush();
		this.#compact(doc, asBuffer(merged), upToId);
	}

	/** Number of rows of `doc`. */
	count(doc: string): number {
		return this.#count.get(doc)?.n ?? 0;
	}

	/** Deletes every row of `doc`. */
	delete(doc: string): void {
		this.#delete.run(doc);
	}
}
