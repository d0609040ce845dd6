import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { text } from '$lib/server/forms';
import * as guard from '$lib/server/guard';
import * as reflections from '$lib/server/reflections';
import * as workshops from '$lib/server/workshops';
import { countChars } from '$lib/revisit/count';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	const groups = workshops.groups(workshop.id);
	const rows = reflections.forWorkshop(workshop.id).map(({ participant: p, reflection: r }) => {
		const submitted = !!r?.submittedAt;
		return {
			id: p.id,
			name: p.displayName,
			groupId: p.groupId,
			count: countChars(r?.body ?? ''),
			state: submitted ? ('submitted' as const) : r?.body.trim() ? ('draft' as const) : ('none' as const),
			// Drafts stay the participant's until they submit: only the count is shown.
			body: submitted ? r!.body : null,
			submittedAt: r?.submittedAt?.getTime() ?? null,
			comment: r?.facilitatorComment ?? null,
			commentedAt: r?.commentedAt?.getTime() ?? null
		};
	});
	return {
		workshop: { id: workshop.id, title: workshop.title, reportTarget: workshop.reportTarget },
		groups: groups.map((g) => ({ id: g.id, name: g.name, colour: g.colour })),
		reports: rows
	};
}) satisfies PageServerLoad;

export const actions = {
	/** The facilitator's comment on a submitted report (empty removes it). */
	comment: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const participantId = text(form, 'participant');
		const comment = text(form, 'comment');
		if ([...comment].length > reflections.MAX_COMMENT) return fail(400, { participantId, message: m.revisit_reports_comment_too_long() });
		if (!reflections.comment(workshop.id, participantId, comment)) return fail(400, { participantId, message: m.error_generic() });
		return { participantId, saved: true };
	}
} satisfies Actions;
