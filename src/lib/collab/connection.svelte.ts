/**
 * One live Yjs document, kept in sync with the collaboration server through y-websocket.
 *
 * Components read the reactive `status`, `synced` and `peers`; they never touch the provider.
 * Reconnecting is left to the provider, which backs off on its own.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { byName } from '$lib/locale-format';
import { getLocale } from '$lib/paraglide/runtime';

/** The state of the socket as a user should understand it. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Someone else on the same document, as the server describes them. */
export interface Peer {
	clientId: number;
	name: string;
	colour: string;
	/** The id of the item they are editing right now, if any. */
	editing?: string;
}

/** Options for a connection. */
export interface CollabConnectionOptions {
	/** Base websocket url; defaults to `/collab` on the page's own host. */
	url?: string;
	/** The local user's display name, stored as the author of what they add. Presence comes from the server. */
	name?: string;
	/** A WebSocket implementation for environments without a global one (tests, Node). */
	WebSocketPolyfill?: typeof WebSocket;
	/** Keep a copy on the device (IndexedDB) so offline edits survive a reload; default true in browsers. */
	offline?: boolean;
}

/** The IndexedDB key under which a device notes that its copy came from the server. */
const SERVER_SYNCED = 'server-synced';

const COLOUR = /^#[0-9a-f]{3,8}$/i;
const MAX_NAME = 80;

function defaultUrl(): string | null {
	if (typeof location === 'undefined') return null;
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** Reads one awareness state defensively: any client can put anything there. */
function toPeer(clientId: number, state: Record<string, unknown>): Peer | null {
	const user = state.user as { name?: unknown; colour?: unknown } | undefined;
	if (!user || typeof user !== 'object' || typeof user.name !== 'string' || !user.name.trim()) {
		return null;
	}
	const colour = typeof user.colour === 'string' && COLOUR.test(user.colour) ? user.colour : '#4d4d4d';
	const editing = typeof state.editing === 'string' && state.editing ? state.editing : undefined;
	return { clientId, name: user.name.trim().slice(0, MAX_NAME), colour, editing };
}

/** A live document: `new CollabConnection('run-12-group-3')`, then `destroy()` when leaving. */
export class CollabConnection {
	/** The shared document. */
	readonly doc: Y.Doc;
	/** Presence of everyone on the document (this client included). */
	readonly awareness: Awareness;
	/** The document's name, as in `/collab/<name>`. */
	readonly docName: string;
	/** The local user's display name, for authoring; empty when unknown. */
	readonly name: string;

	#provider: WebsocketProvider | null = null;
	#local: IndexeddbPersistence | null = null;
	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#peers = $state.raw<Peer[]>([]);
	/** Whether a socket ever opened or failed: later "connecting" phases are shown as offline. */
	#attempted = false;
	#cleanups: (() => void)[] = [];

	constructor(docName: string, opts: CollabConnectionOptions = {}) {
		this.docName = docName;
		this.name = (opts.name ?? '').trim().slice(0, MAX_NAME);
		this.doc = new Y.Doc();
		this.awareness = new Awareness(this.doc);
		// A fresh state has clock 0, which remote peers ignore as "nothing new"; setting one field
		// bumps the clock so others see this client as soon as it connects, not at the next renewal.
		this.awareness.setLocalState({ editing: null });

		const onAwareness = () => this.#readPeers();
		this.awareness.on('change', onAwareness);
		this.#cleanups.push(() => this.awareness.off('change', onAwareness));

		if (opts.offline !== false && typeof indexedDB !== 'undefined') this.#keepOnDevice(docName);

		const url = opts.url ?? defaultUrl();
		const WS = opts.WebSocketPolyfill ?? (typeof WebSocket === 'undefined' ? null : WebSocket);
		// Without a url or a WebSocket (server-side rendering) the connection simply stays "connecting".
		if (url === null || WS === null) return;

		const provider = new WebsocketProvider(url, docName, this.doc, {
			awareness: this.awareness,
			WebSocketPolyfill: WS,
			// Every tab has its own socket. Cross-tab messages would bypass the server, which
			// stamps presence with the user's name and colour, so peers would appear nameless.
			disableBc: true
		});
		this.#provider = provider;

		provider.on('status', ({ status }) => {
			if (status === 'connected') {
				this.#attempted = true;
				this.#status = 'online';
			} else if (status === 'disconnected') {
				this.#attempted = true;
				this.#status = 'offline';
			} else {
				this.#status = this.#attempted ? 'offline' : 'connecting';
			}
		});
		// A socket that never opened reports no "disconnected", only a closed connection.
		provider.on('connection-close', () => {
			this.#attempted = true;
			this.#status = 'offline';
		});
		provider.on('closed', () => {
			this.#status = 'offline';
		});
		provider.on('sync', (synced) => {
			if (!synced) return;
			this.#synced = true;
			void this.#local?.set(SERVER_SYNCED, 1);
		});

		if (typeof window !== 'undefined') {
			const onOffline = () => (this.#status = 'offline');
			window.addEventListener('offline', onOffline);
			this.#cleanups.push(() => window.removeEventListener('offline', onOffline));
		}
	}

	/** `online` while the socket is open, `connecting` before the first attempt ended, else `offline`. */
	get status(): ConnectionStatus {
		return this.#status;
	}

	/**
	 * True once this device holds the server's state: after the first sync with the server, or
	 * at once when the copy kept on the device came from an earlier sync (so a reload while
	 * offline can go on editing). Never true for a fresh, empty copy. Stays true across reconnects.
	 */
	get synced(): boolean {
		return this.#synced;
	}

	/** Everyone else on this document, with the name and colour the server gave them. */
	get peers(): Peer[] {
		return this.#peers;
	}

	/** Tells the others which item this client is editing (null when none). */
	setEditing(id: string | null): void {
		if (this.awareness.getLocalState() === null) return;
		this.awareness.setLocalStateField('editing', id);
	}

	/** Closes the socket and releases the document. */
	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		this.#provider?.destroy();
		this.#provider = null;
		void this.#local?.destroy();
		this.#local = null;
		this.awareness.destroy();
		this.doc.destroy();
		this.#status = 'offline';
		this.#peers = [];
	}

	/** Mirrors the document into IndexedDB: edits made offline survive a reload and merge later. */
	#keepOnDevice(docName: string): void {
		const local = new IndexeddbPersistence(`huddle:${docName}`, this.doc);
		this.#local = local;
		local.whenSynced
			.then(() => local.get(SERVER_SYNCED))
			.then((fromServer) => {
				if (fromServer && this.#local === local) this.#synced = true;
			})
			.catch(() => undefined); // private browsing may refuse IndexedDB: then online only
	}

	#readPeers(): void {
		const peers: Peer[] = [];
		for (const [clientId, state] of this.awareness.getStates()) {
			if (clientId === this.doc.clientID) continue;
			const peer = toPeer(clientId, state);
			if (peer) peers.push(peer);
		}
		const compare = byName(getLocale());
		peers.sort((a, b) => compare(a.name, b.name) || a.clientId - b.clientId);
		this.#peers = peers;
	}
}
