import path from 'node:path';

// Read from process.env rather than $env: the same modules run inside SvelteKit, in the
// collaboration server, in the command-line tools and in tests.

/** Path of the SQLite database file (`DATABASE_PATH`, default `./data/huddle.db`). */
export function databasePath(): string {
	return path.resolve(process.env.DATABASE_PATH || 'data/huddle.db');
}

/** Folder of the SQL migrations (`MIGRATIONS_DIR`, default `./drizzle`). */
export function migrationsDir(): string {
	return path.resolve(process.env.MIGRATIONS_DIR || 'drizzle');
}

/** Folder of the exercise files (`EXERCISES_DIR`, default `./exercises`). */
export function exercisesDir(): string {
	return path.resolve(process.env.EXERCISES_DIR || 'exercises');
}

/** The public origin (`ORIGIN`), when set: used to check the `Origin` of websocket upgrades. */
export function publicOrigin(): string | undefined {
	return process.env.ORIGIN || undefined;
}
