import type Database from 'better-sqlite3';
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
 * All calls are synchronous: an append has reached SQLite when it returns.
 */
export class SqliteStorage implements DocStorage {
	#load: Database.Statement<[string], Row>;
	#append: Database.Statement<[string, Buffer]>;
	#deleteUpTo: Database.Statement<[string, number]>;
	#count: Database.Statement<[string], { n: number }>;
	#delete: Database.Statement<[string]>;
	#compact: (doc: string, merged: Buffer, upToId: number) => void;

	constructor(db: Database.Database) {
		this.#load = db.prepare<[string], Row>(
			'SELECT id, "update" FROM yjs_update WHERE doc = ? ORDER BY id'
		);
		this.#append = db.prepare<[string, Buffer]>(
			'INSERT INTO yjs_update (doc, "update") VALUES (?, ?)'
		);
		this.#deleteUpTo = db.prepare<[string, number]>(
			'DELETE FROM yjs_update WHERE doc = ? AND id <= ?'
		);
		this.#count = db.prepare<[string], { n: number }>(
			'SELECT count(*) AS n FROM yjs_update WHERE doc = ?'
		);
		this.#delete = db.prepare<[string]>('DELETE FROM yjs_update WHERE doc = ?');
		const compact = db.transaction((doc: string, merged: Buffer, upToId: number) => {
			this.#deleteUpTo.run(doc, upToId);
			this.#append.run(doc, merged);
		});
		// IMMEDIATE takes the write lock up front, so another connection cannot slip in
		// between the delete and the insert and make this transaction fail half-way.
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

	/** Inserts one row and returns its id. */
	append(doc: string, update: Uint8Array): number {
		return Number(this.#append.run(doc, asBuffer(update)).lastInsertRowid);
	}

	/** Deletes rows up to `upToId` and inserts `merged`, in one transaction. */
	compact(doc: string, merged: Uint8Array, upToId: number): void {
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
