import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import * as collab from '../collab/instance';
import { text } from '../forms';
import * as guard from '../guard';
import { reveal } from '../reveal';

/** Form action of the console: reveal a silent phase's private notes onto the group boards. */
export const revealActions: Record<string, Action<{ id: string }>> = {
	reveal: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const activityId = text(form, 'activity');
		const anonymous = text(form, 'anonymous') === '1';
		if (workshop.status === 'ended') return fail(400, { message: m.console_reveal_ended() });
		let result;
		try {
			result = await reveal(collab.get(), { workshopId: workshop.id, activityId, anonymous });
		} catch (error) {
			console.error('console: reveal failed', error);
			return fail(500, { message: m.error_generic() });
		}
		if (!result.ok) {
			return fail(400, { message: result.reason === 'unsupported' ? m.console_reveal_unsupported() : m.error_generic() });
		}
		return { revealed: result.moved };
	}
};
