import { fail, type Action } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import * as m from '../../paraglide/messages';
import * as custom from '../custom-exercises';
import * as db from '../db';
import { activity } from '../db/schema';
import { text } from '../forms';
import * as guard from '../guard';
import { activityHolds } from '../in-use';
import * as workshops from '../workshops';

const ActivityId = v.pipe(v.string(), v.regex(/^[a-z0-9]{1,40}$/));
/** A whole agenda's order: every activity id once (an agenda is at most a few dozen items). */
const Order = v.pipe(v.array(ActivityId), v.minLength(1), v.maxLength(200));
const Direction = v.picklist(['up', 'down']);

/**
 * Puts a workshop's activities in the order of `ids` (positions 1…n). Refused (false) unless
 * `ids` lists each of the workshop's activities exactly once, so a stale page cannot drop one.
 */
export function reorder(workshopId: string, ids: readonly string[]): boolean {
	const current = workshops.activities(workshopId).map((a) => a.id);
	const wanted = new Set(ids);
	if (wanted.size !== ids.length || ids.length !== current.length || !current.every((id) => wanted.has(id))) return false;
	db.get().transaction((tx) => {
		ids.forEach((id, i) =>
			tx.update(activity).set({ position: i + 1 }).where(and(eq(activity.id, id), eq(activity.workshopId, workshopId))).run()
		);
	});
	return true;
}

/** Moves one activity a step up or down the agenda; false if it is not there or already at that end. */
export function move(workshopId: string, activityId: string, direction: 'up' | 'down'): boolean {
	const ids = workshops.activities(workshopId).map((a) => a.id);
	const from = ids.indexOf(activityId);
	const to = from + (direction === 'up' ? -1 : 1);
	if (from < 0 || to < 0 || to >= ids.length) return false;
	[ids[from], ids[to]] = [ids[to], ids[from]];
	return reorder(workshopId, ids);
}

/** Form actions of the workshop page for its agenda. */
export const agendaActions: Record<string, Action<{ id: string }>> = {
	/** Adds a file exercise or one of the facilitator's own copies at the end of the agenda. */
	addActivity: async ({ locals, url, params, request }) => {
		const { workshop, facilitator } = guard.ownedWorkshop(locals, url, params.id);
		const exercise = custom.resolve(facilitator.id, text(await request.formData(), 'exercise'));
		if (!exercise) return fail(400, { message: m.library_agenda_unknown_exercise() });
		// The run keeps its own copy: later edits to the file or the custom copy never rewrite it.
		workshops.addActivity(workshop.id, exercise.id, exercise.kind, { ...custom.definitionOf(exercise), id: exercise.id });
		return { saved: true };
	},
	removeActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const activityId = text(await request.formData(), 'activity');
		// Removing it would delete its scores and reviews and strand its boards.
		if (activityHolds(workshop.id, activityId)) return fail(409, { message: m.error_activity_in_use() });
		workshops.removeActivity(workshop.id, activityId);
		return { saved: true };
	},
	/** One step up or down: the keyboard and no-script way to reorder. */
	moveActivity: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const form = await request.formData();
		const id = v.safeParse(ActivityId, text(form, 'activity'));
		const direction = v.safeParse(Direction, text(form, 'direction'));
		if (!id.success || !direction.success) return fail(400, { message: m.error_generic() });
		if (!move(workshop.id, id.output, direction.output)) return fail(400, { message: m.library_agenda_stale() });
		return { moved: id.output };
	},
	/** The whole order at once, after a drag. */
	reorderActivities: async ({ locals, url, params, request }) => {
		const { workshop } = guard.ownedWorkshop(locals, url, params.id);
		const order = v.safeParse(Order, (await request.formData()).getAll('order'));
		if (!order.success) return fail(400, { message: m.error_generic() });
		if (!reorder(workshop.id, order.output)) return fail(400, { message: m.library_agenda_stale() });
		return { saved: true };
	}
};
