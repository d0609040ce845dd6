import type { ExerciseDefinition, Locale } from '$lib/exercises/schema';

// The fields of the custom-exercise edit form, shared by the page and its action. Each field is
// named by its path in the exercise (as the loader names problems), so a problem reported by
// the schema lands next to the input it concerns.

/** The raw text of every field, as typed: what the form shows again after a failed save. */
export type EditValues = Record<string, string>;

/** A problem of one field, by path (`rubric.criteria[0].weight`, `board.tools[2].key` …). */
export type EditProblem = { field: string; message: string };

/** The localized text fields the form edits. */
export const TEXT_FIELDS = ['title', 'goal', 'instructions'] as const;
/** The languages of every text field, Chinese first. */
export const TEXT_LOCALES: readonly Locale[] = ['zh-CN', 'en'];
/** The name of the board field, edited as YAML. */
export const BOARD = 'board';
/** The most characters the board YAML may have (a real board is a few kilobytes). */
export const BOARD_MAX = 100_000;

/** The form name of a text field in one language. */
export const textName = (field: (typeof TEXT_FIELDS)[number], locale: Locale) => `${field}.${locale}`;
/** The form name of a phase's minutes. */
export const phaseName = (i: number) => `phases[${i}].minutes`;
/** The form name of a criterion's weight. */
export const weightName = (i: number) => `rubric.criteria[${i}].weight`;
/** The form name of the total duration. */
export const DURATION = 'duration_minutes';
/** The form name of the peer-scoring share. */
export const PEER_WEIGHT = 'rubric.peer_weight';

/** Every form name of an exercise except the board, in form order. */
export function fieldNames(def: Pick<ExerciseDefinition, 'phases' | 'rubric'>): string[] {
	return [
		...TEXT_FIELDS.flatMap((f) => TEXT_LOCALES.map((l) => textName(f, l))),
		...def.phases.map((_, i) => phaseName(i)),
		DURATION,
		...def.rubric.criteria.map((_, i) => weightName(i)),
		PEER_WEIGHT
	];
}

/** A DOM id for a form name (paths contain dots and brackets). */
export function inputId(name: string): string {
	return `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** Whether a problem belongs under the board textarea. */
export function isBoardField(field: string): boolean {
	return field === BOARD || field.startsWith(`${BOARD}.`) || field.startsWith(`${BOARD}[`);
}

/** Which family of rule a form field follows, to pick a message a trainer understands. */
export function ruleOf(field: string): 'text' | 'minutes' | 'duration' | 'weight' | 'peer' | 'board' | 'other' {
	if (isBoardField(field)) return 'board';
	if (/^(title|goal|instructions)\.(zh-CN|en)$/.test(field)) return 'text';
	if (/^phases\[\d+\]\.minutes$/.test(field)) return 'minutes';
	if (field === DURATION) return 'duration';
	if (/^rubric\.criteria\[\d+\]\.weight$/.test(field)) return 'weight';
	if (field === PEER_WEIGHT) return 'peer';
	return 'other';
}
