import * as roleplay from '$lib/server/roleplay';
import * as guard from '$lib/server/guard';
import { joinUrl, qrSvg } from '$lib/server/join-link';
import { roomOrigin } from '$lib/server/room-origin';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params, depends }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	depends('projector:lobby');
	const room = roomOrigin(url);
	const link = joinUrl(room.origin, workshop.joinCode);
	const people = workshops.participants(workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode },
		host: room.host,
		qr: await qrSvg(link),
		groups: workshops.groups(workshop.id).map((g) => ({
			id: g.id,
			name: g.name,
			colour: g.colour,
			members: people.filter((p) => p.groupId === g.id).map((p) => p.displayName)
		})),
		// The room sees the projector: hidden role-play briefs stay off it.
		activities: workshops.activities(workshop.id).map((a) => ({ id: a.id, kind: a.kind, exerciseId: a.exerciseId, definition: roleplay.publicDefinition(a.kind, a.definition) }))
	};
}) satisfies PageServerLoad;
