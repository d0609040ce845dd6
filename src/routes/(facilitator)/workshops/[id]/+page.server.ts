import { agendaActions } from '$lib/server/actions/agenda';
import { groupActions } from '$lib/server/actions/groups';
import { lifecycleActions } from '$lib/server/actions/lifecycle';
import { rosterActions } from '$lib/server/actions/roster';
import * as collab from '$lib/server/collab/instance';
import * as custom from '$lib/server/custom-exercises';
import * as guard from '$lib/server/guard';
import { joinUrl, qrSvg } from '$lib/server/join-link';
import { roomOrigin } from '$lib/server/room-origin';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params, depends }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	depends('workshop:live');
	const room = roomOrigin(url);
	const link = joinUrl(room.origin, workshop.joinCode);
	// Who has a board (or the live state) open right now: a stale entry of a name that joined
	// twice is the one without.
	const online = collab.get().online(workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status, language: workshop.language, joinCode: workshop.joinCode, scheduledFor: workshop.scheduledFor },
		joinUrl: link,
		reachable: room.reachable,
		qr: await qrSvg(link),
		groups: workshops.groups(workshop.id).map((g) => ({ id: g.id, name: g.name, colour: g.colour })),
		activities: workshops.activities(workshop.id).map((a) => ({ id: a.id, kind: a.kind, exerciseId: a.exerciseId, definition: a.definition })),
		participants: workshops.participants(workshop.id).map((p) => ({ id: p.id, name: p.displayName, groupId: p.groupId, joinedAt: p.createdAt.getTime(), online: online.has(`p:${p.id}`) })),
		// File exercises and this facilitator's own copies, for the agenda picker.
		exercises: custom.entriesFor(guard.facilitator(locals, url).id)
	};
}) satisfies PageServerLoad;

export const actions = { ...groupActions, ...agendaActions, ...rosterActions, ...lifecycleActions } satisfies Actions;
