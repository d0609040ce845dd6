import type { Facilitator, Participant } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in facilitator, if any. */
			facilitator: Pick<Facilitator, 'id' | 'email' | 'name' | 'isAdmin'> | null;
			/** The id of the facilitator's session, if any. */
			sessionId: string | null;
			/** The participant identified by the participant cookie, if any. */
			participant: Participant | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
