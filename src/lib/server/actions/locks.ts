import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { liveDoc, parseDoc } from '../../docs';
import * as live from '../../live/model';
import * as collab from '../collab/instance';
import { text } from '../forms';
import * as guard from '../guard';
import * as locks from '../locks';

/** The close code after which a tablet reconnects and is authorised again (read-only if locked). */
export const LOCK_CHANGED = 4001;

/**
 * Closes the participants' sockets to the boards of `groupIds` and to their members' private
 * notes; they reconnect at once and the door grants them what the lock now allows.
 */
function reconnect(workshopId: string, groupIds: string[]): void {
	const groups = new Set(groupIds);
	const members = new Set(locks.membersOf(workshopId, groupIds));
	collab.get().disconnect(
		(grant) => {
			if (grant.workshopId !== workshopId || !grant.subject.startsWith('p:')) return false;
			const ref = parseDoc(grant.doc);
			if (ref?.type === 'board') return groups.has(ref.groupId);
			if (ref?.type === 'private') return members.has(ref.participantId);
			return false;
		},
		LOCK_CHANGED,
		'lock changed'
	);
}

/** Form actions of the console for locks: freeze or unfreeze one group's boards, or all. */
export const lockActions: Record<string, Action<{ id: string }>> = {
	lock: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const target = text(form, 'group');
		const value = text(form, 'locked');
		if (value !== '1' && value !== '0') return fail(400, { message: m.error_generic() });
		if (target !== 'all' && locks.groupLocked(workshop.id, target) === null) {
			return fail(400, { message: m.console_lock_unknown_group() });
		}
		const changed = locks.setLocked(workshop.id, target === 'all' ? null : [target], value === '1');
		reconnect(workshop.id, changed);
		// Every screen shows the lock from the live document; the door enforces it from the row.
		try {
			await collab.get().change(liveDoc(workshop.id), (doc) => live.setLocked(doc, locks.lockedGroups(workshop.id)));
		} catch (error) {
			console.error('console: mirroring locks failed', error);
			return fail(500, { message: m.error_generic() });
		}
		return { locked: value === '1', changed: changed.length };
	}
};
