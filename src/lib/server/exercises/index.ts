import type { Exercise } from '../../exercises/schema';
import { loadExercises, type ExerciseProblem, type LoadResult } from './load';

// The exercise library, read from disk once at first use. Import as a namespace:
//   import * as exercises from '$lib/server/exercises';  exercises.get(id)
// The cached objects are frozen: a run that needs its own copy takes structuredClone(exercise).

type Library = {
	list: readonly Exercise[];
	byId: Map<string, Exercise>;
	problems: readonly ExerciseProblem[];
};

let library: Library | undefined;

function ensure() {
	return library ?? build(loadExercises());
}

function build(result: LoadResult): Library {
	for (const p of result.problems) console.warn(`[exercises] left out ${p.file}: ${p.field}: ${p.message}`);
	const list = Object.freeze(result.exercises.map(deepFreeze));
	library = {
		list,
		byId: new Map(list.map((e) => [e.id, e])),
		problems: Object.freeze(result.problems.map((p) => Object.freeze(p)))
	};
	return library;
}

/** Every valid exercise, sorted by id. */
export function all(): readonly Exercise[] {
	return ensure().list;
}

/** The exercise with this id, if it exists and is valid. */
export function get(id: string): Exercise | undefined {
	return ensure().byId.get(id);
}

/** What is wrong with the files that were left out. */
export function problems(): readonly ExerciseProblem[] {
	return ensure().problems;
}

/** Reads the folder again (`dir` defaults to the configured exercises folder). */
export function reload(dir?: string): {
	exercises: readonly Exercise[];
	problems: readonly ExerciseProblem[];
} {
	const { list, problems } = build(loadExercises(dir));
	return { exercises: list, problems };
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
