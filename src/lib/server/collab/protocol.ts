import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

// The y-websocket wire format: every frame is one binary message, `[type: varUint, body...]`.

/** Outer message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Inner types of a sync message, as defined by y-protocols. */
export const SyncType = {
	step1: syncProtocol.messageYjsSyncStep1,
	step2: syncProtocol.messageYjsSyncStep2,
	update: syncProtocol.messageYjsUpdate
} as const;

/** A fully decoded client message; payloads are views on the received frame. */
export type ClientMessage =
	| { kind: 'sync-step1'; stateVector: Uint8Array }
	| { kind: 'sync-step2' | 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'query-awareness' }
	| { kind: 'auth' };

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/** A frame that does not follow the protocol; `closeCode` says how to close the socket. */
export class MalformedMessage extends Error {
	constructor(
		message: string,
		readonly closeCode: 1003 | 1007 = 1007
	) {
		super(message);
	}
}

/** Decodes one frame completely, so that nothing half-valid reaches the document. */
export function parseMessage(frame: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(frame);
	let message: ClientMessage;
	try {
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.sync:
				message = parseSync(decoder);
				break;
			case MessageType.awareness:
				message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
				break;
			case MessageType.queryAwareness:
				return { kind: 'query-awareness' };
			case MessageType.auth:
				// Auth messages only ever travel server → client; a client's one carries nothing we use.
				return { kind: 'auth' };
			default:
				throw new MalformedMessage(`unknown message type ${type}`, 1003);
		}
	} catch (error) {
		if (error instanceof MalformedMessage) throw error;
		throw new MalformedMessage(`truncated or invalid frame: ${(error as Error).message}`);
	}
	// Trailing bytes mean the sender and we disagree about the format; trust none of it.
	if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after message');
	return message;
}

function parseSync(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	const payload = decoding.readVarUint8Array(decoder);
	switch (type) {
		case SyncType.step1:
			return { kind: 'sync-step1', stateVector: payload };
		case SyncType.step2:
			return { kind: 'sync-step2', update: payload };
		case SyncType.update:
			return { kind: 'update', update: payload };
		default:
			throw new MalformedMessage(`unknown sync message type ${type}`, 1003);
	}
}

/** Decodes the entries of an awareness update; throws `MalformedMessage` on bad bytes or JSON. */
export function parseAwareness(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state: unknown = JSON.parse(decoding.readVarString(decoder));
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
				throw new Error('awareness state is not an object');
			}
			entries.push({ clientId, clock, state: state as AwarenessEntry['state'] });
		}
		if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
		return entries;
	} catch (error) {
		throw new MalformedMessage(`invalid awareness update: ${(error as Error).message}`);
	}
}

/** Encodes awareness entries in the format `applyAwarenessUpdate` reads. */
export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(entry.state));
	}
	return encoding.toUint8Array(encoder);
}

/** A sync step 1 frame carrying a document's encoded state vector. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
	return syncMessage(SyncType.step1, stateVector);
}

/** A sync step 2 frame carrying what the receiver lacks, as one update. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
	return syncMessage(SyncType.step2, update);
}

/** A sync update frame. */
export function updateMessage(update: Uint8Array): Uint8Array {
	return syncMessage(SyncType.update, update);
}

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	encoding.writeVarUint(encoder, type);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** An awareness frame around an encoded awareness update. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}
