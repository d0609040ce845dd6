/** A document's stored log, and the id of its newest row (0 when empty). */
export interface StoredDoc {
	updates: Uint8Array[];
	lastId: number;
}

/**
 * Where Yjs updates live between restarts: an append-only log per document name.
 * Writes are synchronous so that an update can be on disk before any peer sees it: appends may
 * be grouped, and `flush()` makes all of them durable before anything is broadcast.
 */
export interface DocStorage {
	/** Every stored update of `doc`, oldest first, with the id of the newest. */
	load(doc: string): StoredDoc | Promise<StoredDoc>;
	/** Appends one update and returns its row id (ids only grow); durable after `flush()`. */
	append(doc: string, update: Uint8Array): number;
	/** Makes every append so far durable; throws when they were lost instead. */
	flush(): void;
	/** Calls `listener` with the documents whose appends were lost before a flush, if that can happen. */
	onLost?(listener: (docs: string[]) => void): void;
	/**
	 * Replaces the rows with id <= `upToId` by `merged`, which must contain all of them;
	 * rows appended later are kept.
	 */
	compact(doc: string, merged: Uint8Array, upToId: number): void;
	/** How many rows `doc` has. */
	count(doc: string): number;
	/** Forgets `doc` entirely. */
	delete(doc: string): void;
}

interface Row {
	id: number;
	update: Uint8Array;
}

/** Keeps the log in memory: for tests and for throwaway servers. */
export class MemoryStorage implements DocStorage {
	#docs = new Map<string, Row[]>();
	#nextId = 1;

	/** Returns copies, so callers cannot alter what is stored. */
	load(doc: string): StoredDoc {
		const rows = this.#docs.get(doc) ?? [];
		return {
			updates: rows.map((row) => new Uint8Array(row.update)),
			lastId: rows.length > 0 ? rows[rows.length - 1].id : 0
		};
	}

	/** Stores a copy of `update`, since the caller may reuse its buffer. */
	append(doc: string, update: Uint8Array): number {
		const id = this.#nextId++;
		let rows = this.#docs.get(doc);
		if (!rows) this.#docs.set(doc, (rows = []));
		rows.push({ id, update: new Uint8Array(update) });
		return id;
	}

	/** Nothing to do: every append is kept at once. */
	flush(): void {}

	/** Drops rows up to `upToId` and appends `merged` as a new row. */
	compact(doc: string, merged: Uint8Array, upToId: number): void {
		const kept = (this.#docs.get(doc) ?? []).filter((row) => row.id > upToId);
		kept.push({ id: this.#nextId++, update: new Uint8Array(merged) });
		this.#docs.set(doc, kept);
	}

	/** Number of rows of `doc`. */
	count(doc: string): number {
		return this.#docs.get(doc)?.length ?? 0;
	}

	/** Removes `doc` and its rows. */
	delete(doc: string): void {
		this.#docs.delete(doc);
	}

	/** Names of the documents that have rows. */
	docs(): string[] {
		return [...this.#docs.keys()];
	}
}
