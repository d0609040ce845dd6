import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as custom from '$lib/server/custom-exercises';
import * as library from '$lib/server/exercises';
import * as guard from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const f = guard.facilitator(locals, url);
	const own = custom.listForOwner(f.id);
	const card = (e: (typeof own.exercises)[number] | ReturnType<typeof custom.fileExercises>[number]) => ({
		id: e.id,
		kind: e.kind,
		topic: e.topic,
		title: e.title,
		goal: e.goal,
		minutes: e.phases.reduce((sum, p) => sum + p.minutes, 0),
		custom: custom.isCopy(e)
	});
	return {
		exercises: custom.fileExercises().map(card),
		mine: own.exercises.map(card),
		problems: custom.fileProblems(),
		myProblems: own.problems,
		canReload: f.isAdmin
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Reads the exercise folder again, so a fixed file appears without a restart (admins only: it affects everyone). */
	reload: async ({ locals, url }) => {
		const f = guard.facilitator(locals, url);
		if (!f.isAdmin) return fail(403, { message: m.library_reload_forbidden() });
		const { exercises, problems } = library.reload();
		return { reloaded: { exercises: exercises.length, problems: problems.length } };
	}
} satisfies Actions;
