import { WebSocket, type RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Grant } from './types';
import { RoomError, type Peer, type Room } from './room';
import {
	MalformedMessage,
	awarenessMessage,
	encodeAwareness,
	parseAwareness,
	parseMessage,
	syncStep1Message,
	syncStep2Message,
	type AwarenessEntry,
	type ClientMessage
} from './protocol';

/** Per-connection limits. */
export interface ConnectionLimits {
	/** Largest frame accepted; bigger ones close the socket with 1009. */
	maxMessageBytes: number;
	/** Largest awareness update accepted; presence is small, so this is far below a frame. */
	maxAwarenessBytes: number;
	/** Unsent bytes a slow client may have queued before it is dropped. */
	maxBufferedBytes: number;
	/** Sync messages per second a connection may send on average, and in a burst. */
	syncRate: number;
	syncBurst: number;
	/** Awareness updates per second applied per connection; the excess is coalesced. */
	awarenessRate: number;
	awarenessBurst: number;
	/** Messages held while the room loads or the connection is throttled. */
	maxQueuedMessages: number;
}

class TokenBucket {
	#tokens: number;
	#at = performance.now();
	constructor(
		private readonly rate: number,
		private readonly burst: number
	) {
		this.#tokens = burst;
	}
	take(): boolean {
		const now = performance.now();
		this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) * this.rate) / 1000);
		this.#at = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
	/** Milliseconds until the next token. */
	wait(): number {
		return Math.max(1, Math.ceil(((1 - this.#tokens) * 1000) / this.rate));
	}
}

const toBytes = (data: RawData): Uint8Array =>
	Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/** One socket in one room, speaking the y-websocket protocol within its grant. */
export class Connection implements Peer {
	/** Settles when the socket has closed. */
	readonly done: Promise<void>;
	#alive = true;
	#closing = false;
	#started = false;
	#inbox: ClientMessage[] = [];
	#syncBucket: TokenBucket;
	#awarenessBucket: TokenBucket;
	#pendingAwareness = new Map<number, AwarenessEntry>();
	#resumeTimer: NodeJS.Timeout | null = null;
	#awarenessTimer: NodeJS.Timeout | null = null;

	constructor(
		readonly socket: WebSocket,
		readonly grant: Grant,
		readonly room: Room,
		private readonly limits: ConnectionLimits
	) {
		this.#syncBucket = new TokenBucket(limits.syncRate, limits.syncBurst);
		this.#awarenessBucket = new TokenBucket(limits.awarenessRate, limits.awarenessBurst);
		// ws closes the socket itself after an error; the listener keeps the error from crashing us.
		socket.on('error', () => {});
		socket.on('pong', () => (this.#alive = true));
		socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
		this.done = new Promise((resolve) => socket.once('close', () => resolve(this.#closed())));
		room.join(this);
		void room.ready.then(() => this.#start());
	}

	/** Sends one frame, dropping the client instead if it has fallen too far behind. */
	send(frame: Uint8Array): void {
		if (this.#closing || this.socket.readyState !== WebSocket.OPEN) return;
		if (this.socket.bufferedAmount + frame.byteLength > this.limits.maxBufferedBytes) {
			this.terminate();
			return;
		}
		this.socket.send(frame, { binary: true });
	}

	/** Starts the closing handshake; frames still queued are flushed first. */
	close(code: number, reason: string): void {
		if (this.#closing) return;
		this.#stop();
		this.socket.close(code, reason);
	}

	/** Drops the socket without a closing handshake. */
	terminate(): void {
		this.#stop();
		this.socket.terminate();
	}

	/** Called on every keepalive tick: pings, or terminates a socket that missed the last pong. */
	heartbeat(): void {
		if (!this.#alive) return this.terminate();
		this.#alive = false;
		if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
	}

	#stop(): void {
		this.#closing = true;
		this.#inbox = [];
		this.#pendingAwareness.clear();
		if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
		if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
	}

	#closed(): void {
		this.#stop();
		this.room.leave(this);
	}

	#start(): void {
		if (this.#closing) return;
		if (!this.room.isOpen) return this.close(1011, 'document unavailable');
		this.#started = true;
		// Only a writer has anything to tell us; a reader's answer to step 1 would be dropped anyway.
		if (this.grant.access === 'write') this.send(syncStep1Message(this.room.stateVector()));
		this.#sendPresence();
		this.#drain();
	}

	#receive(data: RawData, isBinary: boolean): void {
		this.#alive = true;
		if (this.#closing) return;
		if (!isBinary) return this.close(1003, 'binary frames only');
		const frame = toBytes(data);
		if (frame.byteLength > this.limits.maxMessageBytes) return this.close(1009, 'message too big');
		try {
			this.#inbox.push(parseMessage(frame));
		} catch (error) {
			return this.#reject(error);
		}
		if (this.#inbox.length > this.limits.maxQueuedMessages) return this.close(1008, 'too many messages');
		this.#drain();
	}

	// Handles queued messages in order; when out of tokens, stops reading the socket until refilled
	// so that a fast writer is slowed down rather than cut off or buffered without bound.
	#drain(): void {
		while (this.#started && !this.#resumeTimer && !this.#closing && this.#inbox.length > 0) {
			const message = this.#inbox[0];
			if (message.kind !== 'awareness' && message.kind !== 'auth' && !this.#syncBucket.take()) {
				this.socket.pause();
				this.#resumeTimer = setTimeout(() => {
					this.#resumeTimer = null;
					this.socket.resume();
					this.#drain();
				}, this.#syncBucket.wait());
				return;
			}
			this.#inbox.shift();
			try {
				this.#handle(message);
			} catch (error) {
				return this.#reject(error);
			}
		}
	}

	#handle(message: ClientMessage): void {
		switch (message.kind) {
			case 'sync-step1':
				return this.send(syncStep2Message(this.room.diff(message.stateVector)));
			case 'sync-step2':
			case 'update':
				if (this.grant.access === 'write') this.room.receiveUpdate(message.update, this, message.kind === 'sync-step2');
				return;
			case 'awareness':
				return this.#receiveAwareness(message.update);
			case 'query-awareness':
				return this.#sendPresence();
			case 'auth':
				return;
		}
	}

	#sendPresence(): void {
		const ids = [...this.room.awareness.getStates().keys()];
		if (ids.length === 0) return;
		this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids)));
	}

	#receiveAwareness(update: Uint8Array): void {
		if (update.byteLength > this.limits.maxAwarenessBytes) throw new RoomError(1009, 'presence too big');
		for (const entry of parseAwareness(update)) {
			const known = this.#pendingAwareness.has(entry.clientId);
			if (!known && this.#pendingAwareness.size >= this.room.limits.maxAwarenessIds) continue;
			// Awareness is state, not a log: only the newest entry per client id matters.
			this.#pendingAwareness.set(entry.clientId, entry);
		}
		this.#applyAwareness();
	}

	#applyAwareness(): void {
		if (this.#closing || this.#pendingAwareness.size === 0 || this.#awarenessTimer) return;
		if (!this.#awarenessBucket.take()) {
			this.#awarenessTimer = setTimeout(() => {
				this.#awarenessTimer = null;
				this.#applyAwareness();
			}, this.#awarenessBucket.wait());
			return;
		}
		const accepted: AwarenessEntry[] = [];
		for (const entry of this.#pendingAwareness.values()) {
			if (entry.state === null) {
				if (this.room.owns(entry.clientId, this)) accepted.push(entry);
			} else if (this.room.claimAwareness(entry.clientId, this)) {
				// Names and colours come from the server, so nobody can pose as someone else.
				accepted.push({ ...entry, state: { ...entry.state, user: { ...this.grant.user } } });
			}
		}
		this.#pendingAwareness.clear();
		if (accepted.length === 0) return;
		awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwareness(accepted), this);
	}

	#reject(error: unknown): void {
		if (error instanceof MalformedMessage) return this.close(error.closeCode, 'malformed message');
		if (error instanceof RoomError) return this.close(error.closeCode, error.message);
		console.error(`collab: closing a connection to ${this.room.name}`, error);
		this.close(1011, 'internal error');
	}
}
