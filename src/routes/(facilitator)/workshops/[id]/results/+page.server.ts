import * as guard from '$lib/server/guard';
import * as scoring from '$lib/server/scoring';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url, params, depends }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	depends('scoring:results');
	const report = scoring.report(workshop.id);
	const activities = workshops.activities(workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status },
		report,
		activities: activities.map((a) => ({
			id: a.id,
			kind: a.kind,
			definition: a.definition,
			scoring: a.scoring,
			revealedAt: a.revealedAt?.getTime() ?? null,
			hasRubric: scoring.rubricOf(a.definition) !== null
		})),
		// Each group's board as stored, for its Summary in the report (null when never edited).
		boards: Object.fromEntries(
			activities.flatMap((a) => report.groups.map((g) => [`${a.id}.${g.id}`, scoring.boardStateBase64(a.id, g.id)] as const))
		) as Record<string, string | null>,
		generatedAt: Date.now()
	};
}) satisfies PageServerLoad;
