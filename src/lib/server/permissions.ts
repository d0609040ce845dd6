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
};

/**
 * The one table of who may read or write which document:
 * - the workshop's facilitator reads and writes all of its documents;
 * - a participant writes their own group's boards and reads the workshop's live state;
 * - an ended workshop's documents are read-only to everyone who could open them;
 * - nobody else gets in.
 */
export function docAccess(actor: Actor | null, target: Target): 'read' | 'write' | null {
	if (!actor) return null;
	const writable = target.status === 'ended' ? 'read' : 'write';
	if (actor.kind === 'facilitator') return actor.id === target.ownerId ? writable : null;
	if (actor.workshopId !== target.workshopId) return null;
	if (target.doc.type === 'live') return 'read';
	return actor.groupId !== null && actor.groupId === target.doc.groupId ? writable : null;
}
