import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/**
 * Yjs reads an update's struct count per client and allocates `new Array(count)` before it
 * checks that the bytes are there (yjs/yjs#687, open): a 20-byte update declaring 30 million
 * structs blocks the event loop for seconds and allocates hundreds of MB, every time it is sent.
 * This checks every declared count against the bytes that follow, before `Y.applyUpdate`.
 */

// The smallest struct (a GC: info byte + length) takes two bytes.
const MIN_STRUCT_BYTES = 2;
// The smallest client entry (struct count, client id, first clock) takes three bytes.
const MIN_CLIENT_BYTES = 3;

/** Throws when a v1 update declares more structs than its bytes can hold; cheap for the usual one-client update. */
export function checkUpdate(update: Uint8Array): void {
	const decoder = decoding.createDecoder(update);
	const clients = decoding.readVarUint(decoder);
	if (clients > (update.length - decoder.pos) / MIN_CLIENT_BYTES) throw new Error('update declares more clients than it holds');
	if (clients === 0) return; // only a delete set, which Yjs reads without allocating ahead
	const structs = decoding.readVarUint(decoder);
	if (structs > (update.length - decoder.pos) / MIN_STRUCT_BYTES) throw new Error('update declares more structs than it holds');
	if (clients === 1) return;
	// Later clients' counts sit behind the earlier clients' structs: walk them with Yjs' own lazy
	// reader, which reads the same bytes the same way but allocates one struct at a time.
	Y.parseUpdateMeta(update);
}
