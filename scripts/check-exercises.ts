// Validates the exercise files: `npx tsx scripts/check-exercises.ts [folder]`
// (folder defaults to EXERCISES_DIR or ./exercises). Prints one line per problem as
// `file: field: message`, then a summary; exits 1 if any file has a problem.
import path from 'node:path';
import { loadExercises } from '../src/lib/server/exercises/load';
import { exercisesDir } from '../src/lib/server/config';

const dir = path.resolve(process.argv[2] ?? exercisesDir());
const { exercises, problems } = loadExercises(dir);
const shown = path.relative(process.cwd(), dir) || '.';

for (const p of problems) {
	const file = path.isAbsolute(p.file) ? p.file : path.join(shown, p.file);
	console.log(`${file}: ${p.field}: ${p.message}`);
}

const badFiles = new Set(problems.map((p) => p.file)).size;
const counts = new Map<string, number>();
for (const e of exercises) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
const byKind = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
console.log(
	problems.length === 0
		? `${shown}: ${exercises.length} exercises valid${byKind ? ` (${byKind})` : ''}, no problems`
		: `${shown}: ${exercises.length} exercises valid, ${problems.length} problem(s) in ${badFiles} file(s) left out`
);
process.exitCode = problems.length > 0 ? 1 : 0;
