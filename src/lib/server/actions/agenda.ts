import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as library from '../exercises';
import { text } from '../forms';
import * as guard from '../guard';
import * as workshops from '../workshops';

/** Form actions of the workshop page for its agenda. */
export const agendaActions: Record<string, Action<{ id: string }>> = {
	addActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const exercise = library.get(text(await request.formData(), 'exercise'));
		if (!exercise) return fail(400, { message: m.error_generic() });
		// The run keeps its own copy: later edits to the file never rewrite it.
		workshops.addActivity(workshop.id, exercise.id, exercise.kind, structuredClone(exercise));
		return { saved: true };
	},
	removeActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		workshops.removeActivity(workshop.id, text(await request.formData(), 'activity'));
		return { saved: true };
	}
};
