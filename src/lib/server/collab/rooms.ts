import type { Grant } from './types';
import type { DocStorage } from './storage';
import { Room, type RoomLimits } from './room';

/** The open rooms of one server, by document name. */
export class RoomRegistry {
	#rooms = new Map<string, Room>();

	constructor(
		private readonly storage: DocStorage,
		private readonly limits: RoomLimits
	) {}

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
	}

	/** Names of the open documents. */
	list(): string[] {
		return [...this.#rooms.keys()];
	}

	/** Number of open rooms. */
	get size(): number {
		return this.#rooms.size;
	}

	/** Number of connections over all rooms. */
	get connections(): number {
		let count = 0;
		for (const room of this.#rooms.values()) count += room.peers.size;
		return count;
	}

	/** Closes the connections whose grant matches, e.g. a removed participant's; returns how many. */
	disconnect(matches: (grant: Grant) => boolean, code: number, reason: string): number {
		let count = 0;
		for (const room of [...this.#rooms.values()]) {
			for (const peer of [...room.peers]) {
				if (!matches(peer.grant)) continue;
				peer.close(code, reason);
				count++;
			}
		}
		return count;
	}
}
