import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import {
	ExerciseDefinitionSchema,
	PEST_KEYS,
	type Exercise,
	type ExerciseDefinition
} from '../../exercises/schema';
import { exercisesDir } from '../config';
import { revealHook } from '../../live/reveal';

/** Something wrong with one exercise file: which file, where in it, and what was expected. */
export type ExerciseProblem = { file: string; field: string; message: string };

/** The valid exercises of a folder (sorted by id) and the problems of the files left out. */
export type LoadResult = { exercises: Exercise[]; problems: ExerciseProblem[] };

/** An exercise id, which is its file name without the extension. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

const EXTENSIONS = ['.yaml', '.yml'];
/** Where a problem sits when no field can be named. */
const WHOLE_FILE = '(file)';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads every `*.yaml` / `*.yml` file of `dir`, keeping the valid ones; never throws. */
export function loadExercises(dir: string = exercisesDir()): LoadResult {
	let names: string[];
	try {
		names = fs.readdirSync(dir).filter((n) => EXTENSIONS.includes(path.extname(n).toLowerCase()));
	} catch (e) {
		const message = `cannot read the exercises folder ${dir}: ${(e as Error).message}`;
		return { exercises: [], problems: [{ file: dir, field: WHOLE_FILE, message }] };
	}
	names.sort();

	const exercises: Exercise[] = [];
	const problems: ExerciseProblem[] = [];
	const seen = new Map<string, string>();
	for (const file of names) {
		const id = path.basename(file, path.extname(file));
		const report = (list: { field: string; message: string }[]) =>
			problems.push(...list.map((p) => ({ file, ...p })));
		if (!ID_PATTERN.test(id)) {
			const message = `the file name is the id: expected lowercase letters, digits and "-", as in "pest-rural.yaml"`;
			report([{ field: WHOLE_FILE, message }]);
			continue;
		}
		if (seen.has(id)) {
			report([{ field: WHOLE_FILE, message: `id "${id}" is already used by ${seen.get(id)}` }]);
			continue;
		}
		seen.set(id, file);

		let bytes: Buffer;
		try {
			bytes = fs.readFileSync(path.join(dir, file));
		} catch (e) {
			report([{ field: WHOLE_FILE, message: `cannot read the file: ${(e as Error).message}` }]);
			continue;
		}
		let source: string;
		try {
			// Strictly: a file saved as GBK ("ANSI" on Chinese Windows) would otherwise load with
			// every Chinese text turned into replacement characters, and pass.
			source = UTF8.decode(bytes);
		} catch {
			report([{ field: WHOLE_FILE, message: 'not UTF-8 text (saved as GBK/ANSI?): save the file as UTF-8' }]);
			continue;
		}
		const result = parseExercise(source);
		if (result.exercise) exercises.push({ id, ...result.exercise });
		else report(result.problems);
	}
	exercises.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { exercises, problems };
}

/** Parses and validates the YAML text of one exercise: the definition, or what is wrong with it. */
export function parseExercise(source: string): {
	exercise?: ExerciseDefinition;
	problems: { field: string; message: string }[];
} {
	const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
	if (doc.errors.length > 0) {
		// Later syntax errors are mostly echoes of the first one.
		const error = doc.errors[0];
		const [line, column] = [error.linePos?.[0].line, error.linePos?.[0].col];
		const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
		const where = line ? ` at line ${line}, column ${column}` : '';
		const field = fieldAt(doc, error.pos[0]) || WHOLE_FILE;
		return { problems: [{ field, message: `YAML syntax error${where}: ${what}` }] };
	}
	if (doc.contents === null) {
		return { problems: [{ field: WHOLE_FILE, message: 'the file is empty: expected the fields of an exercise' }] };
	}
	return validateExercise(doc.toJS());
}

/** Validates parsed data against the schema and the checks that span several fields. */
export function validateExercise(data: unknown): {
	exercise?: ExerciseDefinition;
	problems: { field: string; message: string }[];
} {
	const result = v.safeParse(ExerciseDefinitionSchema, data);
	if (!result.success) {
		const problems = result.issues.map((issue) => ({
			field: formatPath((issue.path ?? []).map((item) => item.key as string | number)) || WHOLE_FILE,
			message: describeIssue(issue)
		}));
		return { problems: dedupe(problems) };
	}
	const problems = crossFieldProblems(result.output);
	return problems.length > 0 ? { problems } : { exercise: result.output, problems };
}

/** `['rubric', 'criteria', 1, 'weight']` → `rubric.criteria[1].weight`. */
export function formatPath(keys: readonly (string | number)[]): string {
	return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${k}`)).join('');
}

const HUMAN: Record<string, string> = {
	Object: 'a mapping of fields',
	Array: 'a list',
	string: 'a text',
	number: 'a number',
	boolean: 'true or false'
};

/** A sentence saying what was expected, from a valibot issue. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
	if (issue.kind === 'validation') {
		return issue.type === 'non_empty' ? issue.message : `${issue.message}, received ${issue.received}`;
	}
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return `unknown field ${issue.received}: not part of the format (check the spelling and indentation)`;
	}
	const expected = issue.expected ?? '';
	const human =
		HUMAN[expected] ?? (expected.startsWith('(') ? `one of ${expected.slice(1, -1)}` : expected);
	if (issue.received === 'undefined') {
		return issue.type === 'strict_object' || issue.type === 'object'
			? 'missing: this field is required'
			: `missing: expected ${human}`;
	}
	return `expected ${human}, received ${issue.received}`;
}

function dedupe<T extends { field: string; message: string }>(list: T[]): T[] {
	const keys = new Set<string>();
	return list.filter((p) => {
		const k = `${p.field}\n${p.message}`;
		return !keys.has(k) && Boolean(keys.add(k));
	});
}

/** Checks the schema cannot express: unique keys, marks inside the scale, one of each quadrant … */
export function crossFieldProblems(ex: ExerciseDefinition): { field: string; message: string }[] {
	const problems: { field: string; message: string }[] = [];
	const add = (field: string, message: string) => problems.push({ field, message });
	const unique = (list: readonly { key: string }[], at: string, what: string) => {
		const first = new Map<string, number>();
		list.forEach((item, i) => {
			const earlier = first.get(item.key);
			if (earlier === undefined) first.set(item.key, i);
			else {
				const message = `${what} "${item.key}" is already used by ${at}[${earlier}]: expected each ${what} once`;
				add(`${at}[${i}].key`, message);
			}
		});
	};

	unique(ex.phases, 'phases', 'phase key');
	// A silent phase needs the kind to move private notes onto the board; otherwise the console
	// would announce one and every note would be shared at once.
	ex.phases.forEach((p, i) => {
		if (p.private && !revealHook(ex.kind)) add(`phases[${i}].private`, `expected false: ${ex.kind} boards have no silent phase (pest and fishbone do)`);
	});
	const planned = ex.phases.reduce((sum, p) => sum + p.minutes, 0);
	if (planned > ex.duration_minutes) {
		const message = `expected at least the sum of the phases (${planned} minutes), received ${ex.duration_minutes}`;
		add('duration_minutes', message);
	}

	const { scale, criteria } = ex.rubric;
	if (scale.min >= scale.max) {
		add('rubric.scale.max', `expected more than scale.min (${scale.min}), received ${scale.max}`);
	}
	unique(criteria, 'rubric.criteria', 'criterion key');
	criteria.forEach((c, ci) =>
		c.levels.forEach((level, li) => {
			const at = `rubric.criteria[${ci}].levels[${li}].score`;
			if (level.score < scale.min || level.score > scale.max) {
				add(at, `expected a score inside the scale ${scale.min}–${scale.max}, received ${level.score}`);
			} else if (li > 0 && level.score <= c.levels[li - 1].score) {
				const previous = c.levels[li - 1].score;
				add(at, `expected scores in increasing order, received ${level.score} after ${previous}`);
			}
		})
	);

	switch (ex.kind) {
		case 'pest': {
			unique(ex.board.quadrants, 'board.quadrants', 'quadrant');
			const missing = PEST_KEYS.filter((k) => !ex.board.quadrants.some((q) => q.key === k));
			if (missing.length > 0) {
				add('board.quadrants', `expected P, E, S and T each exactly once, missing ${missing.join(', ')}`);
			}
			break;
		}
		case 'fishbone':
			unique(ex.board.bones, 'board.bones', 'bone key');
			break;
		case 'spin-roleplay': {
			unique(ex.board.personas, 'board.personas', 'persona');
			unique(ex.board.scenarios, 'board.scenarios', 'scenario key');
			const personas = ex.board.personas.map((p) => p.key);
			ex.board.scenarios.forEach((s, i) => {
				if (!personas.includes(s.customer_brief.persona)) {
					const received = s.customer_brief.persona;
					add(
						`board.scenarios[${i}].customer_brief.persona`,
						`expected one of board.personas (${personas.join(', ')}), received "${received}"`
					);
				}
			});
			break;
		}
		case 'moments-of-truth': {
			unique(ex.board.tools, 'board.tools', 'tool key');
			if (ex.board.steps) unique(ex.board.steps, 'board.steps', 'step key');
			const { min, max } = ex.board.curve;
			if (min >= max) add('board.curve.max', `expected more than curve.min (${min}), received ${max}`);
			break;
		}
	}
	return problems;
}

/** The dotted path of the deepest key at `offset` in a (possibly broken) YAML document. */
function fieldAt(doc: Document, offset: number): string {
	const keys: (string | number)[] = [];
	let node: unknown = doc.contents;
	for (;;) {
		if (isMap(node)) {
			const pairs = node.items.filter(
				(p) => isPair(p) && isScalar(p.key) && (p.key.range?.[0] ?? Infinity) <= offset
			);
			const pair = pairs[pairs.length - 1];
			if (!pair || !isScalar(pair.key)) break;
			keys.push(String(pair.key.value));
			node = pair.value;
		} else if (isSeq(node)) {
			let index = -1;
			node.items.forEach((item, i) => {
				const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
				if (start !== undefined && start <= offset) index = i;
			});
			if (index < 0) break;
			keys.push(index);
			node = node.items[index];
		} else break;
	}
	return formatPath(keys);
}
