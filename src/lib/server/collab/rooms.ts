import type * as Y from 'yjs';
import type { Grant } from './types';
import type { DocStorage } from './storage';
import { Room, RoomError, type Peer, type RoomLimits } from './room';

/**
 * The server itself, as a peer that holds a room open while it changes the document: a room
 * closes when its last peer leaves, and must not close (or unload) half-way through a change.
 */
class ServerPeer implements Peer {
	readonly grant: Grant;
	constructor(doc: string) {
		this.grant = { doc, access: 'write', subject: 'server', workshopId: '', user: { name: '', colour: '#000000' } };
	}
	send(): void {}
	close(): void {}
}

/** The open rooms of one server, by document name. */
export class RoomRegistry {
	#rooms = new Map<string, Room>();

	constructor(
		private readonly storage: DocStorage,
		private readonly limits: RoomLimits
	) {
		// Appends rolled back before their commit were never sent; those rooms start over.
		storage.onLost?.((docs) => {
			for (const doc of docs) this.#rooms.get(doc)?.fail('storage failure', new Error('uncommitted updates lost'));
		});
	}

	/** The open room for `doc`, opened (and loading) if there was none. */
	open(doc: string): Room {
		let room = this.#rooms.get(doc);
		if (!room) {
			room = new Room(doc, this.storage, this.limits, (closed) => {
				// A room that closed may already have been replaced by a newer one.
				if (this.#rooms.get(closed.name) === closed) this.#rooms.delete(closed.name);
			});
			this.#rooms.set(doc, room);
		}
		return room;
	}

	/** The open room for `doc`, if any. */
	get(doc: string): Room | undefined {
		return this.#rooms.get(doc);
	}

	/** Closes the room for `doc` and its connections; false when it was not open. */
	close(doc: string, code = 1001, reason = 'document closed'): boolean {
		const room = this.#rooms.get(doc);
		room?.close(code, reason);
		return room !== undefined;
	}

	/** Closes every room and its connections. */
	closeAll(code = 1001, reason = 'server shutting down'): void {
		for (const room of [...this.#rooms.values()]) room.close(code, reason);
		try {
			this.storage.flush();
		} catch (error) {
			console.error('collab: storing the last updates failed', error);
		}
	}

	/** Names of the open documents. */
	list(): string[] {
		return [...this.#rooms.keys()];
	}

	/** Number of open rooms. */
	get size(): number {
		return this.#rooms.size;
	}

	/** Number of rooms holding their document as a Y.Doc. */
	get docsHeld(): number {
		let count = 0;
		for (const room of this.#rooms.values()) if (room.holdsDoc) count++;
		return count;
	}

	/** Number of connections over all rooms. */
	get connections(): number {
		let count = 0;
		for (const room of this.#rooms.values()) count += room.peers.size;
		return count;
	}

	/**
	 * Changes `doc` on the server's behalf: opens (and loads) the room if needed, runs `fn` in one
	 * transaction, stores the resulting update, then lets the room broadcast it to every peer.
	 * Resolves once the update is on disk; rejects if the room could not load or store it.
	 */
	async change<T>(doc: string, fn: (ydoc: Y.Doc) => T): Promise<T> {
		const room = this.open(doc);
		const holder = new ServerPeer(doc);
		room.join(holder);
		try {
			await room.ready;
			if (!room.isOpen) throw new RoomError(1011, `document ${doc} unavailable`);
			// The room appends the update in its update handler; the flush makes it durable before
			// this resolves and before the room's broadcast.
			const result = room.change(fn, holder);
			if (room.isOpen) room.commit();
			if (!room.isOpen) throw new RoomError(1011, `storing a change to ${doc} failed`);
			return result;
		} finally {
			room.leave(holder);
		}
	}

	/** Closes the connections whose grant matches, e.g. a removed participant's; returns how many. */
	disconnect(matches: (grant: Grant) => boolean, code: number, reason: string): number {
		let count = 0;
		for (const room of [...this.#rooms.values()]) {
			for (const peer of [...room.peers]) {
				if (peer instanceof ServerPeer || !matches(peer.grant)) continue;
				peer.close(code, reason);
				count++;
			}
		}
		return count;
	}
}
