import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { ID_PATTERN } from '$lib/server/exercises/load';
import * as custom from '$lib/server/custom-exercises';
import * as guard from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

/** The exercise of the URL, if this facilitator may see it; 404 otherwise (another's copy included). */
function exerciseOf(ownerId: string, id: string) {
	const exercise = id.length <= 80 && ID_PATTERN.test(id) ? custom.resolve(ownerId, id) : undefined;
	if (!exercise) error(404, m.library_not_found());
	return exercise;
}

export const load = (({ locals, url, params }) => {
	const f = guard.facilitator(locals, url);
	const exercise = exerciseOf(f.id, params.id);
	const copy = custom.isCopy(exercise);
	const base = copy ? custom.resolve(f.id, exercise.baseId) : undefined;
	return {
		exercise: structuredClone(exercise),
		custom: copy,
		base: copy ? { id: exercise.baseId, title: base?.title ?? null } : null
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Copies this exercise into a new custom copy of the signed-in facilitator, then opens its editor. */
	copy: async ({ locals, url, params }) => {
		const f = guard.facilitator(locals, url);
		exerciseOf(f.id, params.id);
		const copy = custom.createCopy(f.id, params.id);
		if (!copy) return fail(400, { message: m.library_copy_failed({ max: custom.MAX_PER_OWNER }) });
		redirect(303, `/library/${copy.id}/edit`);
	},
	/** Deletes one of the facilitator's copies; agendas keep the definition they stored. */
	delete: async ({ locals, url, params }) => {
		const f = guard.facilitator(locals, url);
		if (!custom.remove(f.id, params.id)) error(404, m.library_not_found());
		redirect(303, '/library?deleted=1');
	}
} satisfies Actions;
