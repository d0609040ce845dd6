import { parseDocument, stringify } from 'yaml';
import type { ExerciseDefinition } from '$lib/exercises/schema';
import * as m from '$lib/paraglide/messages';
import {
	BOARD,
	BOARD_MAX,
	DURATION,
	PEER_WEIGHT,
	TEXT_FIELDS,
	TEXT_LOCALES,
	fieldNames,
	phaseName,
	textName,
	weightName,
	type EditProblem,
	type EditValues
} from '$lib/components/library/edit-fields';

/** The form's starting values for a stored definition (the board as YAML). */
export function valuesOf(def: ExerciseDefinition): EditValues {
	const values: EditValues = {};
	for (const f of TEXT_FIELDS) for (const l of TEXT_LOCALES) values[textName(f, l)] = def[f][l];
	def.phases.forEach((p, i) => (values[phaseName(i)] = String(p.minutes)));
	values[DURATION] = String(def.duration_minutes);
	def.rubric.criteria.forEach((c, i) => (values[weightName(i)] = String(c.weight)));
	values[PEER_WEIGHT] = String(def.rubric.peer_weight);
	values[BOARD] = stringify(def.board, { lineWidth: 0 });
	return values;
}

/** A number if the text is one; the text itself otherwise, so the schema says what it expected. */
function numberOrText(raw: string): number | string | undefined {
	// NFKC: a Chinese keyboard in full-width mode types １０ and ０．５.
	const t = raw.normalize('NFKC').trim();
	if (t === '') return undefined;
	return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * Lays the submitted fields over the stored definition. Returns the raw values (to show again if
 * the save fails), the candidate definition to validate, and a problem if the board YAML cannot
 * be read (the stored board is kept in the candidate then, so the other fields still get checked).
 */
export function applyForm(
	def: ExerciseDefinition,
	form: FormData
): { values: EditValues; candidate: Record<string, unknown>; boardProblem?: EditProblem } {
	const values: EditValues = {};
	const read = (name: string) => {
		const raw = form.get(name);
		return (values[name] = typeof raw === 'string' ? raw : '');
	};
	for (const name of fieldNames(def)) read(name);
	read(BOARD);

	const candidate = structuredClone(def) as unknown as Record<string, unknown> & ExerciseDefinition;
	for (const f of TEXT_FIELDS) {
		// Paste from a document often brings Windows line ends; store plain ones.
		candidate[f] = Object.fromEntries(TEXT_LOCALES.map((l) => [l, values[textName(f, l)].replace(/\r\n?/g, '\n')])) as never;
	}
	const phases = candidate.phases as unknown as Record<string, unknown>[];
	phases.forEach((p, i) => (p.minutes = numberOrText(values[phaseName(i)])));
	candidate.duration_minutes = numberOrText(values[DURATION]) as never;
	const rubric = candidate.rubric as unknown as { peer_weight: unknown; criteria: Record<string, unknown>[] };
	rubric.criteria.forEach((c, i) => (c.weight = numberOrText(values[weightName(i)])));
	rubric.peer_weight = numberOrText(values[PEER_WEIGHT]);

	const board = parseBoard(values[BOARD]);
	if ('problem' in board) return { values, candidate, boardProblem: board.problem };
	candidate.board = board.value as never;
	return { values, candidate };
}

/** Reads the board YAML: its value, or a problem naming the line that is wrong. */
function parseBoard(source: string): { value: unknown } | { problem: EditProblem } {
	if (source.length > BOARD_MAX) {
		return { problem: { field: BOARD, message: `expected at most ${BOARD_MAX} characters, received ${source.length}` } };
	}
	try {
		const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
		if (doc.errors.length > 0) {
			const e = doc.errors[0];
			const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
			const message = e.linePos
				? m.library_board_syntax({ line: e.linePos[0].line, col: e.linePos[0].col, detail: what })
				: m.library_board_syntax_nowhere({ detail: what });
			// The usual cause when typing with a Chinese keyboard: a full-width colon or space.
			const fullWidth = /[：　]/.test(source) ? ` ${m.library_board_fullwidth()}` : '';
			return { problem: { field: BOARD, message: `${message}${fullWidth}` } };
		}
		// Aliases are expanded with the library's own bound, so a hostile text cannot blow up.
		return { value: doc.toJS({ maxAliasCount: 100 }) ?? undefined };
	} catch (e) {
		// e.g. nesting deep enough to exhaust the stack: refuse the text, never the server.
		return { problem: { field: BOARD, message: (e as Error).message } };
	}
}
