import * as v from 'valibot';
import { RubricSchema, type Rubric } from '../../exercises/schema';
import * as workshops from '../workshops';

/** The rubric an activity runs with, read from its stored copy of the exercise; null when unusable. */
export function rubricOf(definition: unknown): Rubric | null {
	const raw = (definition as { rubric?: unknown } | null)?.rubric;
	const parsed = v.safeParse(RubricSchema, raw);
	if (!parsed.success) return null;
	const r = parsed.output;
	// The loader checks these too; a stored copy edited by hand must not break scoring.
	if (r.scale.max <= r.scale.min) return null;
	if (new Set(r.criteria.map((c) => c.key)).size !== r.criteria.length) return null;
	return r;
}

/** Whether the other groups score presentations in this rubric. */
export function hasPeerScoring(rubric: Rubric): boolean {
	return rubric.peer_weight > 0;
}

/** The rubric of an activity by id, or null. */
export function rubricOfActivity(activityId: string): Rubric | null {
	const act = workshops.getActivity(activityId);
	return act ? rubricOf(act.definition) : null;
}
