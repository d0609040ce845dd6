import * as Y from 'yjs';

/** A document's state vector: for each client, the clock of the first change not yet seen. */
export type Clocks = Map<number, number>;

/**
 * Whether `update` only continues what a document with state vector `state` already has, so that
 * applying it needs nothing the document lacks and adds everything it holds: every change starts
 * exactly where its client's clock stands (no gap, nothing already known), and every change or
 * delete it refers to is in the document or earlier in the update.
 *
 * Returns the clocks the update moves forward (client → new clock), or null when it does not
 * only continue the state and must be applied to the document itself to find out what it adds.
 * Throws when the update cannot be decoded.
 */
export function continues(update: Uint8Array, state: ReadonlyMap<number, number>): Clocks | null {
	const { structs, ds } = Y.decodeUpdate(update);
	const next: Clocks = new Map();
	const clock = (client: number): number => next.get(client) ?? state.get(client) ?? 0;
	for (const struct of structs) {
		if (struct instanceof Y.Skip) return null;
		const { client } = struct.id;
		if (struct.id.clock !== clock(client)) return null;
		next.set(client, struct.id.clock + struct.length);
	}
	const known = (id: Y.ID | null): boolean => id === null || id.clock < clock(id.client);
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (!known(struct.origin) || !known(struct.rightOrigin)) return null;
		// A parent is the name of a shared type (a string), the id of the item holding it, or implied by the origins.
		if (struct.parent instanceof Y.ID && !known(struct.parent)) return null;
	}
	for (const [client, deletes] of ds.clients) {
		const end = clock(client);
		for (const range of deletes) if (range.clock + range.len > end) return null;
	}
	return next;
}
