import { fail, type Action } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { listNames } from '../../locale-format';
import * as db from '../db';
import { int, text } from '../forms';
import * as guard from '../guard';
import { groupHolds } from '../in-use';
import * as workshops from '../workshops';

/** Form actions of the workshop page for its groups: rename, recolour, resize. */
export const groupActions: Record<string, Action<{ id: string }>> = {
	groups: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const changes: { id: string; name: string; colour: number }[] = [];
		for (const g of workshops.groups(workshop.id)) {
			const name = text(form, `name-${g.id}`);
			const colour = int(form, `colour-${g.id}`, 0, 7);
			if (!name || name.length > 40 || colour === null) return fail(400, { message: m.error_generic() });
			changes.push({ id: g.id, name, colour });
		}
		// All or nothing: one refused name leaves every group as it was.
		db.get().transaction(() => {
			for (const c of changes) workshops.updateGroup(workshop.id, c.id, c.name, c.colour);
		});
		return { saved: true };
	},
	resize: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const count = int(await request.formData(), 'groups', 1, 20);
		if (count === null) return fail(400, { message: m.error_group_count() });
		// Fewer groups drops the last ones: never one that holds people's work.
		const held = workshops.groups(workshop.id).slice(count).filter((g) => groupHolds(workshop.id, g.id));
		if (held.length > 0) return fail(409, { message: m.error_group_in_use({ names: listNames(held.map((g) => g.name), getLocale()) }) });
		workshops.resizeGroups(workshop, count);
		return { saved: true };
	}
};
