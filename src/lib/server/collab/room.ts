import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Grant } from './types';
import type { DocStorage } from './storage';
import { MalformedMessage, awarenessMessage, updateMessage } from './protocol';
import { checkUpdate } from './update-guard';
import { LazyDoc } from './lazy-doc';

/** Bytes of parked (not yet applicable) changes a room keeps before it drops them. */
export const MAX_PENDING_BYTES = 1024 * 1024;

/** What a room needs from a connection. */
export interface Peer {
	readonly grant: Grant;
	/** Sends one frame; a peer that cannot keep up drops itself. */
	send(frame: Uint8Array): void;
	/** Closes the socket; the peer leaves its room once the socket has closed. */
	close(code: number, reason: string): void;
}

/** Per-document limits. */
export interface RoomLimits {
	/** Stored rows after which the log is merged into one row. */
	compactAfter: number;
	/** Encoded size of a document beyond which writes are refused. */
	maxDocBytes: number;
	/** Awareness client ids one connection may own. */
	maxAwarenessIds: number;
	/** How long a room keeps its Y.Doc after the last use (a sync, a change, a compaction) before it drops it. */
	docIdleMs: number;
}

/** A refusal that should close the sender's socket with `closeCode`. */
export class RoomError extends Error {
	constructor(
		readonly closeCode: number,
		message: string
	) {
		super(message);
	}
}

/** One open document: its content, its presence, and the peers connected to it. */
export class Room {
	/** Holds the presence only; its client id is the server's own. */
	#presence = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.#presence);
	#doc: LazyDoc;
	readonly peers = new Set<Peer>();
	/** Settles once stored updates are applied (or loading failed and the room closed). */
	readonly ready: Promise<void>;
	#owners = new Map<number, Peer>();
	#rows = 0;
	#lastId = 0;
	#size = 0;
	#updates: Uint8Array[] = [];
	#updatesFrom: Peer | null = null;
	#awarenessIds = new Set<number>();
	#awarenessFrom: Peer | null = null;
	#flush: NodeJS.Immediate | null = null;
	#open = true;

	constructor(
		readonly name: string,
		private readonly storage: DocStorage,
		readonly limits: RoomLimits,
		private readonly onClose: (room: Room) => void
	) {
		this.#doc = new LazyDoc(name, this.#presence.clientID, limits.docIdleMs);
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.#onAwareness);
		this.ready = this.#load().catch((error) => this.fail('loading failed', error));
	}

	/** Whether the room holds its document as a Y.Doc now (rather than only encoded). */
	get holdsDoc(): boolean {
		return this.#doc.loaded;
	}

	/** Whether the room still serves (not closed, not failed). */
	get isOpen(): boolean {
		return this.#open;
	}

	/** Adds a peer; it is served once `ready` has settled. */
	join(peer: Peer): void {
		if (!this.#open) throw new RoomError(1011, 'room closed');
		this.peers.add(peer);
	}

	/** Removes a peer and its presence; the last one out closes the room. */
	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		const owned = [...this.#owners].filter(([, owner]) => owner === peer).map(([id]) => id);
		for (const id of owned) this.#owners.delete(id);
		if (this.#open && owned.length > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, owned, peer);
		}
		if (this.peers.size === 0) this.close();
	}

	/**
	 * Takes a peer's update; it is stored before anyone is told about it. A sync reply (step 2)
	 * routinely repeats what the document has, so it is always applied to find what is new.
	 */
	receiveUpdate(update: Uint8Array, from: Peer, syncReply = false): void {
		if (!this.#open) throw new RoomError(1011, 'room closed');
		this.#admit(update.byteLength);
		let taken = false;
		try {
			checkUpdate(update);
			taken = !syncReply && this.#doc.take(update);
			if (!taken) {
				// An update that completes parked ones emits their content too, which `from` may
				// lack; then nobody is spared the broadcast.
				const origin = this.#doc.parkedBytes > 0 ? null : from;
				this.#doc.transact((doc) => Y.applyUpdate(doc, update), origin, this.#onUpdate);
			}
		} catch (error) {
			throw new MalformedMessage(`update rejected: ${(error as Error).message}`);
		}
		// Taken as it is: what a peer sent is exactly what the document gains.
		if (taken) this.#onUpdate(update, from);
		if (!this.#open) throw new RoomError(1011, 'storage failure');
		this.#limitPending();
	}

	/** Runs `fn` on the document in one transaction from `origin`; the change is stored and broadcast like a peer's. */
	change<T>(fn: (doc: Y.Doc) => T, origin: Peer): T {
		if (!this.#open) throw new RoomError(1011, 'room closed');
		return this.#doc.transact(fn, origin, this.#onUpdate);
	}

	/** The document's state vector, for a sync step 1. */
	stateVector(): Uint8Array {
		return this.#doc.stateVector();
	}

	/** What a peer with `stateVector` lacks, for a sync step 2. */
	diff(stateVector: Uint8Array): Uint8Array {
		return this.#doc.diff(stateVector);
	}

	// Changes whose dependencies never arrived are parked by Yjs, unstored and uncounted, and
	// re-read on every later update: a client sending only such changes would grow them without
	// bound. Real clients park little (and resend on reconnect), so dropping the excess is safe.
	#limitPending(): void {
		if (this.#doc.parkedBytes <= MAX_PENDING_BYTES) return;
		this.#doc.dropParked();
		throw new RoomError(1008, 'too many changes with missing dependencies');
	}

	/** Lets `peer` own awareness `clientId` unless another person owns it; true when it may. */
	claimAwareness(clientId: number, peer: Peer): boolean {
		// The server's own id would make its Awareness renew that state forever.
		if (clientId === this.#presence.clientID) return false;
		const owner = this.#owners.get(clientId);
		if (owner === peer) return true;
		// The same person reconnecting keeps their client id; their old socket may not be gone yet.
		if (owner && owner.grant.subject !== peer.grant.subject) return false;
		if (!owner) {
			let owned = 0;
			for (const other of this.#owners.values()) if (other === peer) owned++;
			if (owned >= this.limits.maxAwarenessIds) return false;
		}
		this.#owners.set(clientId, peer);
		return true;
	}

	/** Whether `peer` currently owns awareness `clientId`. */
	owns(clientId: number, peer: Peer): boolean {
		return this.#owners.get(clientId) === peer;
	}

	/** Closes every peer with `code` and frees the document, compacting its log first. */
	close(code = 1001, reason = 'room closed'): void {
		if (!this.#open) return;
		this.#open = false;
		if (this.#flush) clearImmediate(this.#flush);
		if (this.#rows > 1) this.#compact();
		for (const peer of this.peers) peer.close(code, reason);
		// A storage failure closes the room from inside a Yjs transaction; let that finish first.
		setImmediate(() => {
			this.#doc.destroy();
			this.#presence.destroy();
		});
		this.onClose(this);
	}

	async #load(): Promise<void> {
		const stored = await this.storage.load(this.name);
		if (!this.#open) return;
		this.#doc.load(stored.updates, (error) =>
			console.error(`collab: skipping a corrupt stored update of ${this.name}`, error)
		);
		for (const update of stored.updates) this.#size += update.byteLength;
		this.#rows = stored.updates.length;
		this.#lastId = stored.lastId;
		if (this.#rows > this.limits.compactAfter) this.#compact();
	}

	#admit(bytes: number): void {
		if (this.#size + bytes <= this.limits.maxDocBytes) return;
		// The running total over-counts (overwritten and deleted content); measure before refusing.
		this.#size = this.#doc.diff().byteLength;
		if (this.#size + bytes > this.limits.maxDocBytes) throw new RoomError(1008, 'document too large');
	}

	#onUpdate = (update: Uint8Array, origin: unknown): void => {
		if (!this.#open) return;
		try {
			this.#lastId = this.storage.append(this.name, update);
		} catch (error) {
			// Not stored means not sent: everyone reconnects and resends from their own copy.
			this.fail('storage failure', error);
			return;
		}
		this.#rows++;
		this.#size += update.byteLength;
		const from = this.#peer(origin);
		this.#updatesFrom = this.#updates.length === 0 || this.#updatesFrom === from ? from : null;
		this.#updates.push(update);
		this.#schedule();
	};

	#onAwareness = (
		change: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		if (!this.#open) return;
		const from = this.#peer(origin);
		this.#awarenessFrom = this.#awarenessIds.size === 0 || this.#awarenessFrom === from ? from : null;
		for (const id of [...change.added, ...change.updated, ...change.removed]) this.#awarenessIds.add(id);
		this.#schedule();
	};

	#peer(origin: unknown): Peer | null {
		return this.peers.has(origin as Peer) ? (origin as Peer) : null;
	}

	// Everything that arrives within one turn of the event loop goes out as one frame per kind,
	// encoded once; busier rooms merge more per frame instead of sending more frames.
	#schedule(): void {
		this.#flush ??= setImmediate(() => this.#broadcast());
	}

	#broadcast(): void {
		this.#flush = null;
		if (!this.#open) return;
		if (this.#updates.length > 0) {
			// Appends are grouped into one commit per turn; nobody hears of one before it is durable.
			if (!this.commit()) return;
			const updates = this.#updates;
			const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
			// A lone sender already has its own changes; a mixed batch goes to everyone.
			this.#send(updateMessage(merged), this.#updatesFrom);
			this.#updates = [];
		}
		if (this.#awarenessIds.size > 0) {
			const ids = [...this.#awarenessIds];
			this.#awarenessIds.clear();
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
			this.#send(awarenessMessage(update), this.#awarenessFrom);
		}
		if (this.#open && this.#rows > this.limits.compactAfter) this.#compact();
	}

	#send(frame: Uint8Array, except: Peer | null): void {
		for (const peer of this.peers) if (peer !== except) peer.send(frame);
	}

	#compact(): void {
		try {
			const merged = this.#doc.diff();
			this.storage.compact(this.name, merged, this.#lastId);
			this.#rows = 1;
			this.#size = merged.byteLength;
		} catch (error) {
			// The uncompacted log is still complete; try again after the next batch.
			console.error(`collab: compacting ${this.name} failed`, error);
		}
	}

	/** Makes the updates appended so far durable; false (and the room failed) when they were lost. */
	commit(): boolean {
		try {
			this.storage.flush();
			return true;
		} catch (error) {
			this.fail('storage failure', error);
			return false;
		}
	}

	/** Closes the room with 1011 after a storage failure: its peers reconnect and resend what they have. */
	fail(what: string, error: unknown): void {
		console.error(`collab: ${what} in ${this.name}`, error);
		if (!this.#open) return;
		this.#rows = 0;
		this.close(1011, what);
	}
}
