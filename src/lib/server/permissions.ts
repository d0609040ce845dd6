import type { DocRef } from '../docs';

/** Who is asking: a signed-in facilitator or a participant who joined with a code. */
export type Actor =
	| { kind: 'facilitator'; id: string }
	| { kind: 'participant'; id: string; workshopId: string; groupId: string | null };

/** The document being opened, with the facts about its workshop the rules need. */
export type Target = {
	doc: DocRef;
	workshopId: string;
	ownerId: string;
	status: 'draft' | 'live' | 'ended';
	/** The facilitator froze the group the document belongs to (for a private doc: its author's). */
	locked?: boolean;
};

/**
 * The one table of who may read or write which document:
 * - the workshop's facilitator reads and writes all of its documents;
 * - a participant writes their own group's boards and reads the workshop's live state;
 * - a participant writes their own private notes; the facilitator may read them, nobody else;
 * - a locked group's documents are read-only to its participants;
 * - an ended workshop's documents are read-only to everyone who could open them;
 * - nobody else gets in.
 */
export function docAccess(actor: Actor | null, target: Target): 'read' | 'write' | null {
	if (!actor) return null;
	const writable = target.status === 'ended' ? 'read' : 'write';
	const doc = target.doc;
	if (actor.kind === 'facilitator') {
		if (actor.id !== target.ownerId) return null;
		// Private notes stay their author's words until revealed: the facilitator only looks.
		return doc.type === 'private' ? 'read' : writable;
	}
	if (actor.workshopId !== target.workshopId) return null;
	if (doc.type === 'live') return 'read';
	const own = target.locked ? 'read' : writable;
	if (doc.type === 'private') return doc.participantId === actor.id ? own : null;
	return actor.groupId !== null && actor.groupId === doc.groupId ? own : null;
}
