import * as Y from 'yjs';
import { continues, type Clocks } from './dependencies';

/**
 * A room's document, kept as encoded updates and made into a Y.Doc only when something needs
 * one: answering a sync, measuring or compacting the document, a server-side change, or an update
 * that does not simply continue it (see `continues`).
 *
 * Applying a small update to a Y.Doc costs far more than storing and forwarding it (a transaction,
 * its clean-up and the update re-encoded for listeners: about 40 µs per edit with a few hundred
 * documents open), and the Y.Doc keeps every change as objects for the garbage collector to walk.
 * Edits that continue the document are therefore only queued, and applied in one transaction the
 * next time the Y.Doc is wanted; a Y.Doc nobody used for `idleMs` is encoded and dropped.
 */
export class LazyDoc {
	#doc: Y.Doc | null = null;
	/** The encoded state of the last dropped Y.Doc. */
	#base: Uint8Array | null = null;
	/** Updates taken since, in order, not yet applied. */
	#tail: Uint8Array[] = [];
	#clocks: Clocks = new Map();
	#usedAt = 0;
	#idleTimer: NodeJS.Timeout | null = null;

	/** `clientID` is the server's own, for changes it makes. */
	constructor(
		readonly name: string,
		readonly clientID: number,
		readonly idleMs: number
	) {}

	/** Applies stored updates one by one; `onCorrupt` hears of each that cannot be applied. */
	load(updates: Uint8Array[], onCorrupt: (error: unknown) => void): void {
		const doc = this.doc();
		for (const update of updates) {
			try {
				Y.applyUpdate(doc, update);
			} catch (error) {
				onCorrupt(error);
			}
		}
		this.#readClocks(doc);
	}

	/** The Y.Doc with every update taken so far applied. */
	doc(): Y.Doc {
		this.#usedAt = performance.now();
		let doc = this.#doc;
		if (!doc) {
			doc = this.#doc = new Y.Doc();
			doc.clientID = this.clientID;
			if (this.#base) Y.applyUpdate(doc, this.#base);
			this.#base = null;
		}
		if (this.#tail.length > 0) this.#catchUp(doc);
		this.#keep();
		return doc;
	}

	// A class joining at once syncs many tablets within seconds: the Y.Doc made for the first
	// answers them all, and is dropped once nobody has needed it for `idleMs`.
	#keep(): void {
		if (this.#idleTimer) return;
		this.#idleTimer = setTimeout(() => {
			this.#idleTimer = null;
			this.#release();
			if (this.#doc) this.#keep();
		}, this.idleMs);
		this.#idleTimer.unref();
	}

	#catchUp(doc: Y.Doc): void {
		const tail = this.#tail;
		this.#tail = [];
		let failed = false;
		doc.transact(() => {
			for (const update of tail) {
				try {
					Y.applyUpdate(doc, update);
				} catch (error) {
					// Decoded and checked before it was taken, so this is a Yjs fault; the rest still applies.
					failed = true;
					console.error(`collab: an update of ${this.name} failed to apply`, error);
				}
			}
		});
		if (failed) this.#readClocks(doc);
	}

	/** Whether a Y.Doc is held now. */
	get loaded(): boolean {
		return this.#doc !== null;
	}

	/** Bytes of changes Yjs has parked because their dependencies have not arrived. */
	get parkedBytes(): number {
		const store = this.#doc?.store;
		return (store?.pendingStructs?.update.byteLength ?? 0) + (store?.pendingDs?.byteLength ?? 0);
	}

	/** Forgets the parked changes. */
	dropParked(): void {
		if (!this.#doc) return;
		this.#doc.store.pendingStructs = null;
		this.#doc.store.pendingDs = null;
	}

	/**
	 * Takes `update` without applying it when it only continues the document, and returns true;
	 * false means nothing was taken and the update must go through `transact`.
	 * Throws when the update cannot be decoded.
	 */
	take(update: Uint8Array): boolean {
		// A later update may complete parked changes, which only the Y.Doc can tell.
		if (this.parkedBytes > 0) return false;
		const next = continues(update, this.#clocks);
		if (!next) return false;
		for (const [client, clock] of next) this.#clocks.set(client, clock);
		this.#tail.push(update);
		return true;
	}

	/**
	 * Runs `fn` on the Y.Doc in one transaction from `origin`; `added` hears what the transaction
	 * added, as Yjs encodes it, before this returns (also when `fn` throws half-way).
	 */
	transact<T>(fn: (doc: Y.Doc) => T, origin: unknown, added: (update: Uint8Array, origin: unknown) => void): T {
		const doc = this.doc();
		doc.on('update', added);
		try {
			return doc.transact(() => fn(doc), origin);
		} finally {
			doc.off('update', added);
			this.#readClocks(doc);
		}
	}

	/** The state vector, for a sync step 1. */
	stateVector(): Uint8Array {
		return Y.encodeStateVector(this.#clocks);
	}

	/** What a peer with `stateVector` lacks (everything without one), for a sync step 2. */
	diff(stateVector?: Uint8Array): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc(), stateVector);
	}

	/** Drops the Y.Doc when it went unused for `idleMs`, keeping its state encoded; never while changes are parked. */
	#release(): void {
		const doc = this.#doc;
		if (!doc || this.parkedBytes > 0 || performance.now() - this.#usedAt < this.idleMs) return;
		// Updates still in the tail come after this state; they stay queued.
		this.#base = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		this.#doc = null;
	}

	/** Frees everything. */
	destroy(): void {
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		this.#doc?.destroy();
		this.#doc = null;
		this.#base = null;
		this.#tail = [];
	}

	#readClocks(doc: Y.Doc): void {
		this.#clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
	}
}
