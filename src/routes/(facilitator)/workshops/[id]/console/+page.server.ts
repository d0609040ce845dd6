import { lockActions } from '$lib/server/actions/locks';
import { revealActions } from '$lib/server/actions/reveal';
import * as guard from '$lib/server/guard';
import * as scoring from '$lib/server/scoring';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params, depends }) => {
	const { facilitator, workshop } = guard.ownedWorkshop(locals, url, params.id);
	depends('console:state');
	const activities = workshops.activities(workshop.id);
	return {
		me: { name: facilitator.name },
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status, joinCode: workshop.joinCode },
		groups: workshops.groups(workshop.id).map((g) => ({ id: g.id, name: g.name, colour: g.colour, locked: g.locked })),
		activities: activities.map((a) => ({ id: a.id, kind: a.kind, exerciseId: a.exerciseId, definition: a.definition })),
		// Apart from the activities: a change of scoring state must not rebuild the live boards.
		scoring: Object.fromEntries(
			activities.map((a) => [a.id, { state: a.scoring, revealedAt: a.revealedAt?.getTime() ?? null, rubric: scoring.rubricOf(a.definition) !== null }])
		) as Record<string, { state: 'pending' | 'open' | 'closed'; revealedAt: number | null; rubric: boolean }>,
		participants: workshops.participants(workshop.id).map((p) => ({ id: p.id, groupId: p.groupId }))
	};
}) satisfies PageServerLoad;

export const actions = { ...lockActions, ...revealActions } satisfies Actions;
