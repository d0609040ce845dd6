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

/**
 * The public origin (`ORIGIN`), when set: used to check the `Origin` of websocket upgrades. As
 * adapter-node does, it is read as a URL: `https://Huddle.example.com/` and `:443` mean the same
 * origin as the `https://huddle.example.com` a browser sends.
 */
export function publicOrigin(): string | undefined {
	const raw = process.env.ORIGIN;
	if (!raw) return undefined;
	try {
		return new URL(raw).origin;
	} catch {
		// Not a URL: nothing the browser sends can match it; adapter-node refuses to start anyway.
		return raw;
	}
}
