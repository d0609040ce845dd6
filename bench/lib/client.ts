// Load-generator clients speaking the y-websocket protocol over `ws`, without a provider:
// a tablet writes realistic PEST-board edits and ignores what it receives once synced; a
// watcher (the facilitator console) applies everything and measures how late each edit arrives.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

/** Milliseconds on the machine-wide monotonic clock, comparable across processes. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** What every client counts; the worker sums these. */
export interface Counters {
	sent: number;
	received: number;
	bytesReceived: number;
	errors: number;
	disconnects: number;
}

const QUADRANTS = ['P', 'E', 'S', 'T'] as const;
const PHRASES = ['客户越来越多用手机下单', '原材料价格上涨', '新的数据保护法规', '竞争对手推出低价产品', '年轻员工更看重灵活办公', 'AI 工具降低了客服成本'];

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

/** One socket to one document. */
export class BenchClient {
	readonly doc = new Y.Doc();
	ws: WebSocket | null = null;
	synced = false;
	#closing = false;
	#resolveSynced: (() => void) | null = null;

	constructor(
		readonly url: string,
		readonly cookie: string | null,
		readonly role: 'tablet' | 'watcher',
		readonly counters: Counters,
		readonly name: string
	) {}

	/** Opens the socket and resolves once the first sync is complete. */
	connect(timeoutMs = 20_000): Promise<void> {
		// Reconnecting keeps the document (and its offline edits): the sync exchange sends them.
		this.synced = false;
		this.#closing = false;
		return new Promise((resolve, reject) => {
			const ws = new WebSocket(this.url, {
				perMessageDeflate: false,
				headers: this.cookie ? { cookie: this.cookie } : {}
			});
			ws.binaryType = 'nodebuffer';
			this.ws = ws;
			const timer = setTimeout(() => {
				reject(new Error('sync timed out'));
				ws.terminate();
			}, timeoutMs);
			this.#resolveSynced = () => {
				clearTimeout(timer);
				resolve();
			};
			ws.on('unexpected-response', (_req, res) => {
				clearTimeout(timer);
				reject(new Error(`upgrade refused: ${res.statusCode}`));
				ws.terminate();
			});
			ws.on('error', (error) => {
				if (!this.synced) {
					clearTimeout(timer);
					reject(error);
				} else this.counters.errors++;
			});
			ws.on('close', () => {
				if (this.synced && !this.#closing) this.counters.disconnects++;
			});
			ws.on('open', () => {
				this.#send(frame((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, this.doc); }));
				// Real clients announce who they are once; presence traffic is not the subject here.
				const awareness = new awarenessProtocol.Awareness(this.doc);
				awareness.setLocalState({ user: { name: this.name }, cursor: null });
				this.#send(frame((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [this.doc.clientID])); }));
				awareness.destroy();
			});
			ws.on('message', (data: Buffer) => this.#receive(data));
		});
	}

	#send(message: Uint8Array): void {
		if (this.ws?.readyState !== WebSocket.OPEN) return;
		this.ws.send(message);
		this.counters.sent++;
	}

	#receive(data: Buffer): void {
		this.counters.received++;
		this.counters.bytesReceived += data.byteLength;
		// A writing tablet does not look at other people's edits: it keeps the generator cheap.
		if (this.synced && this.role === 'tablet') return;
		const decoder = decoding.createDecoder(data);
		if (decoding.readVarUint(decoder) !== 0) return; // presence
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote');
		if (encoding.length(encoder) > 1) this.#send(encoding.toUint8Array(encoder));
		if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
			this.synced = true;
			this.#resolveSynced?.();
		}
	}

	/** Sends a local change as a y-websocket update. */
	sendUpdate(update: Uint8Array): void {
		this.#send(frame((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, update); }));
	}

	/** Sends a presence update (cursor moved) with the given clock. */
	sendPresence(clock: number, state: Record<string, unknown>): void {
		this.#send(
			frame((e) => {
				encoding.writeVarUint(e, 1);
				const inner = encoding.createEncoder();
				encoding.writeVarUint(inner, 1);
				encoding.writeVarUint(inner, this.doc.clientID);
				encoding.writeVarUint(inner, clock);
				encoding.writeVarString(inner, JSON.stringify(state));
				encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
			})
		);
	}

	/** Closes the socket on purpose (not counted as a disconnect). */
	close(): void {
		this.#closing = true;
		this.ws?.close();
	}

	/** Drops the socket without a closing handshake, like a tablet losing Wi-Fi. */
	drop(): void {
		this.#closing = true;
		this.ws?.terminate();
	}
}

/** A participant's tablet: one edit per period on its own notes (add, move or edit text). */
export class Tablet extends BenchClient {
	#notes: Y.Map<unknown>[] = [];
	#seq = 0;
	edits = 0;

	/** With `keepReading`, everything received is applied and also kept apart in `received`. */
	readonly received: Y.Doc | null;

	constructor(url: string, cookie: string | null, counters: Counters, name: string, keepReading = false, readonly maxNotes = 40) {
		super(url, cookie, keepReading ? 'watcher' : 'tablet', counters, name);
		this.received = keepReading ? new Y.Doc() : null;
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') this.sendUpdate(update);
			else if (this.received) Y.applyUpdate(this.received, update);
		});
	}

	/** Makes one realistic edit, stamped with the monotonic clock for the watcher. */
	edit(): void {
		const notes = this.doc.getMap<Y.Map<unknown>>('notes');
		const roll = Math.random();
		const seq = ++this.#seq;
		const text = `${PHRASES[seq % PHRASES.length]} #${seq}`;
		this.doc.transact(() => {
			if (this.#notes.length < 3 || (roll < 0.34 && this.#notes.length < this.maxNotes)) {
				const note = new Y.Map<unknown>();
				note.set('quadrant', QUADRANTS[seq % 4]);
				note.set('text', text);
				note.set('kind', null);
				note.set('countermeasure', '');
				note.set('author', this.name);
				note.set('createdAt', Date.now());
				note.set('order', seq);
				note.set('t', now());
				notes.set(`${this.name}-${seq}`, note);
				this.#notes.push(note);
				return;
			}
			const note = this.#notes[Math.floor(Math.random() * this.#notes.length)];
			if (roll < 0.67) {
				note.set('quadrant', QUADRANTS[(QUADRANTS.indexOf(note.get('quadrant') as 'P') + 1) % 4]);
				note.set('order', seq);
			} else {
				note.set('text', text);
			}
			note.set('t', now());
		});
		this.edits++;
	}
}

/** The facilitator console for one room: applies everything and records each edit's delay. */
export class Watcher extends BenchClient {
	seen = 0;

	constructor(url: string, cookie: string | null, counters: Counters, name: string, onLatency: (ms: number) => void) {
		super(url, cookie, 'watcher', counters, name);
		const notes = this.doc.getMap<Y.Map<unknown>>('notes');
		notes.observeDeep((events, tr) => {
			if (!this.synced || tr.origin !== 'remote') return;
			const at = now();
			for (const event of events) {
				if (event.target === notes) {
					for (const [key, change] of event.changes.keys) {
						if (change.action !== 'add') continue;
						const t = notes.get(key)?.get('t');
						if (typeof t === 'number') (this.seen++, onLatency(at - t));
					}
				} else if (event.changes.keys.has('t')) {
					const t = (event.target as Y.Map<unknown>).get('t');
					if (typeof t === 'number') (this.seen++, onLatency(at - t));
				}
			}
		});
	}
}
