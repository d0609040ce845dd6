import { CollabConnection } from '$lib/collab/connection.svelte';
import { liveDoc } from '$lib/docs';

/**
 * The facilitator-driven state of a workshop (which activity the tablets show), held in the
 * workshop's live document: written by the facilitator, read by every participant.
 */
export class LiveState {
	#activityId = $state<string | null>(null);
	readonly connection: CollabConnection;

	constructor(workshopId: string) {
		this.connection = new CollabConnection(liveDoc(workshopId));
		const state = this.connection.doc.getMap('state');
		const read = () => {
			const id = state.get('activityId');
			this.#activityId = typeof id === 'string' ? id : null;
		};
		state.observe(read);
		read();
	}

	/** The activity currently open on the tablets, if any. */
	get activityId() {
		return this.#activityId;
	}

	/** Whether the first sync with the server has completed. */
	get synced() {
		return this.connection.synced;
	}

	/** Opens an activity on every tablet (or none). Only the facilitator's writes are kept. */
	setActivity(id: string | null) {
		this.connection.doc.getMap('state').set('activityId', id);
	}

	/** Closes the connection. */
	destroy() {
		this.connection.destroy();
	}
}
