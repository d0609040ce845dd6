import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { parseDoc } from '../../docs';
import { presenceColour } from '../../groups';
import * as auth from '../auth/session';
import { publicOrigin } from '../config';
import * as locks from '../locks';
import * as participants from '../participants';
import { docAccess, type Actor } from '../permissions';
import * as workshops from '../workshops';
import type { Decision } from './types';

const FACILITATOR_COLOUR = '#1f5f8b';

/**
 * Browsers always send `Origin` on a websocket upgrade; a foreign one means another site is
 * trying to ride on our cookies (cross-site websocket hijacking). Non-browser clients send none.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	const expected = publicOrigin();
	if (expected) return origin === expected;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

/** Decides an upgrade from the cookies the pages use, with the rules in `permissions.ts`. */
export function authorize(req: IncomingMessage, name: string): Decision {
	if (!originAllowed(req.headers.origin, req.headers.host)) {
		return { ok: false, status: 403, reason: 'foreign origin' };
	}
	const ref = parseDoc(name);
	if (!ref) return { ok: false, status: 404, reason: 'no such document' };
	let workshopId: string;
	// Whether the facilitator froze the group the document belongs to (a private doc: its author's).
	let locked: boolean | null = false;
	if (ref.type === 'live') {
		workshopId = ref.workshopId;
	} else {
		const act = workshops.getActivity(ref.activityId);
		if (!act) return { ok: false, status: 404, reason: 'no such document' };
		locked = ref.type === 'board' ? locks.groupLocked(act.workshopId, ref.groupId) : (locks.authorLock(act.workshopId, ref.participantId)?.locked ?? null);
		if (locked === null) return { ok: false, status: 404, reason: 'no such document' };
		workshopId = act.workshopId;
	}
	const w = workshops.get(workshopId);
	if (!w) return { ok: false, status: 404, reason: 'no such document' };

	const cookies = parseCookies(req.headers.cookie ?? '');
	const target = { doc: ref, workshopId, ownerId: w.ownerId, status: w.status, locked };
	let authenticated = false;

	const sessionToken = cookies[auth.COOKIE];
	if (sessionToken) {
		const { facilitator } = auth.validateSessionToken(sessionToken);
		if (facilitator) {
			authenticated = true;
			const actor: Actor = { kind: 'facilitator', id: facilitator.id };
			const access = docAccess(actor, target);
			if (access) {
				return {
					ok: true,
					grant: { doc: name, access, subject: `f:${facilitator.id}`, workshopId, user: { name: facilitator.name, colour: FACILITATOR_COLOUR } }
				};
			}
		}
	}
	const participantToken = cookies[participants.COOKIE];
	if (participantToken) {
		const p = participants.byToken(participantToken);
		if (p) {
			authenticated = true;
			const actor: Actor = { kind: 'participant', id: p.id, workshopId: p.workshopId, groupId: p.groupId };
			const access = docAccess(actor, target);
			if (access) {
				const g = p.groupId ? workshops.groups(p.workshopId).find((x) => x.id === p.groupId) : undefined;
				return {
					ok: true,
					grant: { doc: name, access, subject: `p:${p.id}`, workshopId, user: { name: p.displayName, colour: presenceColour(p.colour, g?.colour) } }
				};
			}
		}
	}
	return authenticated
		? { ok: false, status: 403, reason: 'not allowed to open this document' }
		: { ok: false, status: 401, reason: 'sign in or join the workshop first' };
}
