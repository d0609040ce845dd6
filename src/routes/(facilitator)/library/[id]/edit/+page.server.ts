import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as custom from '$lib/server/custom-exercises';
import { validateExercise } from '$lib/server/exercises/load';
import * as guard from '$lib/server/guard';
import { applyForm, valuesOf } from './edit-form.server';
import type { Actions, PageServerLoad } from './$types';

/** The facilitator's own copy of the URL; 404 for a file exercise or anyone else's copy. */
function ownCopy(locals: App.Locals, url: URL, id: string) {
	const f = guard.facilitator(locals, url);
	const exercise = custom.getOwned(f.id, id);
	if (!exercise) error(404, m.library_not_found());
	return { facilitator: f, exercise };
}

export const load = (({ locals, url, params }) => {
	const { exercise } = ownCopy(locals, url, params.id);
	return { exercise: structuredClone(exercise), values: valuesOf(exercise) };
}) satisfies PageServerLoad;

export const actions = {
	/** Saves the edited copy if the whole exercise still validates; otherwise returns every field's problem and what was typed. */
	default: async ({ locals, url, params, request }) => {
		const { facilitator, exercise } = ownCopy(locals, url, params.id);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { message: m.error_generic(), values: null, problems: [] });
		}
		const { values, candidate, boardProblem } = applyForm(custom.definitionOf(exercise), form);
		// Saved from another tab since this form was opened: say so rather than replace that unseen.
		// The answer carries the stored revision, so saving again replaces it knowingly.
		const revision = exercise.updatedAt.getTime();
		if (form.has('revision') && Number(form.get('revision')) !== revision) {
			return fail(409, { message: m.library_edit_conflict(), values, problems: [], revision });
		}
		const invalid = (problems: { field: string; message: string }[]) =>
			fail(400, { message: m.library_edit_invalid({ count: problems.length }), values, problems });
		// An unreadable board is never saved, even though the rest is checked against the stored one.
		if (boardProblem) return invalid([boardProblem, ...validateExercise(candidate).problems]);
		const result = custom.update(facilitator.id, exercise.id, candidate);
		if (!result.found) error(404, m.library_not_found());
		if (result.problems.length > 0) return invalid(result.problems);
		redirect(303, `/library/${exercise.id}?saved=1`);
	}
} satisfies Actions;
