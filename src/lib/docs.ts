/**
 * Names of the Yjs documents, as used in `/collab/<name>`. Shared by server and browser.
 * - `live.<workshopId>`: the facilitator-driven live state of a workshop (read by everyone in it).
 * - `board.<activityId>.<groupId>`: what one group co-edits in one activity.
 * - `private.<activityId>.<participantId>`: one participant's notes in a silent (private) phase,
 *   seen by nobody else until the facilitator reveals them into the group's board.
 */
export type DocRef =
	| { type: 'live'; workshopId: string }
	| { type: 'board'; activityId: string; groupId: string }
	| { type: 'private'; activityId: string; participantId: string };

const ID = '[a-z2-7]{16}';
const LIVE = new RegExp(`^live\\.(${ID})$`);
const BOARD = new RegExp(`^board\\.(${ID})\\.(${ID})$`);
const PRIVATE = new RegExp(`^private\\.(${ID})\\.(${ID})$`);

/** The document name of a workshop's live state. */
export function liveDoc(workshopId: string): string {
	return `live.${workshopId}`;
}

/** The document name of one group's board in one activity. */
export function boardDoc(activityId: string, groupId: string): string {
	return `board.${activityId}.${groupId}`;
}

/** The document name of one participant's private notes in one activity. */
export function privateDoc(activityId: string, participantId: string): string {
	return `private.${activityId}.${participantId}`;
}

/** Parses a document name; null when it is not one of ours. */
export function parseDoc(name: string): DocRef | null {
	let m = LIVE.exec(name);
	if (m) return { type: 'live', workshopId: m[1] };
	m = BOARD.exec(name);
	if (m) return { type: 'board', activityId: m[1], groupId: m[2] };
	m = PRIVATE.exec(name);
	if (m) return { type: 'private', activityId: m[1], participantId: m[2] };
	return null;
}
