import { and, asc, count, eq } from 'drizzle-orm';
import type { Exercise, ExerciseDefinition, ExerciseKind, Localized, Topic } from '../exercises/schema';
import * as db from './db';
import { customExercise } from './db/schema';
import * as files from './exercises';
import { validateExercise, type ExerciseProblem } from './exercises/load';
import { newId } from './ids';

// A facilitator's editable copies of exercises, stored in `custom_exercise` (the files stay
// untouched). Import as a namespace: `import * as custom from './custom-exercises'`.
// A copy's id is `custom-<random>`, so it never collides with a file id; file ids that start
// with the prefix are reserved and left out of the library (see `fileExercises`).

/** The prefix of every custom exercise id. */
export const PREFIX = 'custom-';
/** How many copies one facilitator may keep: enough for any trainer, a bound for the table. */
export const MAX_PER_OWNER = 200;

/** A validated custom copy, shaped like a file exercise plus where it came from. */
export type CustomExercise = Exercise & { custom: true; baseId: string; updatedAt: Date };

/** A field-level problem of an edit (same shape as the loader's). */
export type FieldProblem = { field: string; message: string };

/** Whether an id names a custom copy rather than a file. */
export function isCustomId(id: string): boolean {
	return id.startsWith(PREFIX);
}

/** The library's file exercises that may be used: those whose id is not in the reserved prefix. */
export function fileExercises(): Exercise[] {
	return files.all().filter((e) => !isCustomId(e.id));
}

/** Problems of the exercise files, plus files left out because their name uses the reserved prefix. */
export function fileProblems(): ExerciseProblem[] {
	const reserved = files
		.all()
		.filter((e) => isCustomId(e.id))
		.map((e) => ({
			file: `${e.id}.yaml`,
			field: '(file)',
			message: `file names starting with "${PREFIX}" are reserved for custom copies: rename the file`
		}));
	return [...files.problems(), ...reserved];
}

/** Whether a resolved exercise is a custom copy (with its base id) rather than a file. */
export function isCopy(e: Exercise | CustomExercise): e is CustomExercise {
	return (e as Partial<CustomExercise>).custom === true;
}

type Row = typeof customExercise.$inferSelect;

/** A stored row as a custom exercise, or its problems if the stored definition no longer validates. */
function fromRow(row: Row): { exercise?: CustomExercise; problems: FieldProblem[] } {
	const { exercise, problems } = validateExercise(row.definition);
	if (!exercise) return { problems };
	return { exercise: { ...exercise, id: row.id, custom: true, baseId: row.baseId, updatedAt: row.updatedAt }, problems };
}

/** The owner's copies that validate, oldest first, and the problems of those that do not. */
export function listForOwner(ownerId: string): { exercises: CustomExercise[]; problems: ExerciseProblem[] } {
	const rows = db.get().select().from(customExercise).where(eq(customExercise.ownerId, ownerId)).orderBy(asc(customExercise.createdAt)).all();
	const exercises: CustomExercise[] = [];
	const problems: ExerciseProblem[] = [];
	for (const row of rows) {
		const parsed = fromRow(row);
		if (parsed.exercise) exercises.push(parsed.exercise);
		else problems.push(...parsed.problems.map((p) => ({ file: row.id, ...p })));
	}
	return { exercises, problems };
}

/** The stored row of a copy if, and only if, `ownerId` owns it. */
function ownedRow(ownerId: string, id: string): Row | undefined {
	if (!isCustomId(id)) return undefined;
	return db.get().select().from(customExercise).where(and(eq(customExercise.id, id), eq(customExercise.ownerId, ownerId))).get();
}

/** A copy if `ownerId` owns it and it validates; undefined for anyone else's, so ids reveal nothing. */
export function getOwned(ownerId: string, id: string): CustomExercise | undefined {
	const row = ownedRow(ownerId, id);
	return row ? fromRow(row).exercise : undefined;
}

/** An exercise this facilitator may use: a file exercise, or one of their own copies. */
export function resolve(ownerId: string, id: string): Exercise | CustomExercise | undefined {
	if (isCustomId(id)) return getOwned(ownerId, id);
	return files.get(id);
}

/** The definition of an exercise without its id and bookkeeping: what a copy stores. */
export function definitionOf(exercise: Exercise | CustomExercise): ExerciseDefinition {
	const copy = structuredClone(exercise) as Partial<CustomExercise>;
	delete copy.id;
	delete copy.custom;
	delete copy.baseId;
	delete copy.updatedAt;
	return copy as ExerciseDefinition;
}

/** Copies a file exercise (or one of the owner's copies) into a new custom copy; undefined if the source is not usable or the owner has too many. */
export function createCopy(ownerId: string, sourceId: string): CustomExercise | undefined {
	const source = resolve(ownerId, sourceId);
	if (!source) return undefined;
	const d = db.get();
	const owned = d.select({ n: count() }).from(customExercise).where(eq(customExercise.ownerId, ownerId)).get()?.n ?? 0;
	if (owned >= MAX_PER_OWNER) return undefined;
	const now = new Date();
	// A copy of a copy remembers the file it ultimately came from.
	const baseId = isCopy(source) ? source.baseId : source.id;
	const row: Row = { id: `${PREFIX}${newId()}`, ownerId, baseId, definition: definitionOf(source), createdAt: now, updatedAt: now };
	d.insert(customExercise).values(row).run();
	return fromRow(row).exercise;
}

/**
 * Replaces the definition of an owned copy after validating it with the exercise schema.
 * Returns the saved copy, or the field-level problems (nothing is written then).
 */
export function update(ownerId: string, id: string, definition: unknown): { exercise?: CustomExercise; problems: FieldProblem[]; found: boolean } {
	const row = ownedRow(ownerId, id);
	if (!row) return { problems: [], found: false };
	const { exercise, problems } = validateExercise(definition);
	if (!exercise) return { problems, found: true };
	const updatedAt = new Date();
	db.get().update(customExercise).set({ definition: exercise, updatedAt }).where(eq(customExercise.id, row.id)).run();
	return { exercise: { ...exercise, id: row.id, custom: true, baseId: row.baseId, updatedAt }, problems: [], found: true };
}

/** Deletes an owned copy; agendas that use it keep the definition they stored. Returns whether one was deleted. */
export function remove(ownerId: string, id: string): boolean {
	const row = ownedRow(ownerId, id);
	if (!row) return false;
	db.get().delete(customExercise).where(eq(customExercise.id, row.id)).run();
	return true;
}

/** One entry of an agenda picker or library listing: enough to show and choose an exercise. */
export type Entry = { id: string; kind: ExerciseKind; topic: Topic; title: Localized; custom: boolean };

/** What a facilitator can put on an agenda: the file exercises, then their own copies. */
export function entriesFor(ownerId: string): Entry[] {
	const entry = (e: Exercise, custom: boolean): Entry => ({ id: e.id, kind: e.kind, topic: e.topic, title: e.title, custom });
	return [...fileExercises().map((e) => entry(e, false)), ...listForOwner(ownerId).exercises.map((e) => entry(e, true))];
}
