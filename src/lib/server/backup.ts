import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Backup and restore of the whole installation (one SQLite file). Used by scripts/backup.ts and
// scripts/restore.ts; kept here so the tests can run them against real databases.

/** What a finished backup or a checked file looks like. */
export type Summary = { file: string; bytes: number; workshops: number; participants: number };

/** The default name of a backup: `backups/huddle-YYYYMMDD-HHMMSS.db` next to the working directory. */
export function defaultBackupFile(now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return path.resolve('backups', `huddle-${stamp}.db`);
}

/**
 * Checks that `file` is an intact Huddle database (SQLite's quick_check, and the app's tables)
 * and counts what it holds. Throws with a readable message otherwise.
 */
export function inspect(file: string): Summary {
	if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
	let db: Database.Database;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new Error(`${file} is not a SQLite database (${(error as Error).message})`);
	}
	try {
		const check = db.pragma('quick_check', { simple: true });
		if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
		const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
		for (const t of ['workshop', 'participant', 'yjs_update']) {
			if (!tables.has(t)) throw new Error(`${file} is not a Huddle database (no ${t} table)`);
		}
		const count = (t: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()!.n;
		return { file, bytes: fs.statSync(file).size, workshops: count('workshop'), participants: count('participant') };
	} catch (error) {
		if (error instanceof Error && /not a database|malformed/i.test(error.message)) throw new Error(`${file} is not a SQLite database (${error.message})`);
		throw error;
	} finally {
		db.close();
	}
}

/**
 * Copies the live database `source` to `target` with SQLite's online backup, while the app keeps
 * running and writing. All pages go over in one step inside one read transaction, so the copy is
 * the database at one instant (WAL readers never block the app's writers, nor it them). Refuses
 * to overwrite an existing file.
 */
export async function backup(source: string, target: string): Promise<Summary> {
	if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
	if (fs.existsSync(target)) throw new Error(`${target} already exists; choose another name`);
	// Like the database, a backup is for its owner's eyes only.
	fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
	fs.closeSync(fs.openSync(target, 'wx', 0o600));
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// The first step only measures; the progress callback then asks for every page at once.
		await db.backup(target, { progress: () => 0x7fffffff });
	} catch (error) {
		fs.rmSync(target, { force: true });
		throw error;
	} finally {
		db.close();
	}
	// A backup is a single self-contained file, whatever journal mode the source uses.
	const copy = new Database(target);
	copy.pragma('journal_mode = DELETE');
	copy.close();
	return inspect(target);
}

/**
 * Whether another process has `file` open: leaving WAL mode needs every other connection
 * closed, so a refusal means the app (or another tool) is still using the database.
 */
export function inUse(file: string): boolean {
	if (!fs.existsSync(file)) return false;
	const db = new Database(file, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 0');
		const mode = db.pragma('journal_mode', { simple: true });
		if (mode !== 'wal') return false;
		const after = db.pragma('journal_mode = DELETE', { simple: true });
		if (after !== 'delete') return true;
		db.pragma('journal_mode = WAL');
		return false;
	} catch (error) {
		if (error instanceof Error && /locked|busy/i.test(error.message)) return true;
		throw error;
	} finally {
		db.close();
	}
}

/**
 * Replaces the database at `target` with the backup `source`. The current file is first moved
 * aside to `<target>.before-restore-<time>` (with its -wal and -shm), so a mistaken restore can be
 * undone. The app must be stopped: `inUse` is checked, and the caller insists on --force.
 */
export async function restore(source: string, target: string, now = new Date()): Promise<Summary & { previous: string | null }> {
	const summary = inspect(source);
	if (path.resolve(source) === path.resolve(target)) throw new Error('the backup and the database are the same file');
	if (inUse(target)) throw new Error(`${target} is in use: stop the app first`);
	let previous: string | null = null;
	// The restored file belongs to whoever owned the one it replaces: run as root, a restore
	// would otherwise leave the app's service user with a database it can only read.
	const owner = fs.existsSync(target) ? fs.statSync(target) : null;
	if (fs.existsSync(target)) {
		previous = `${target}.before-restore-${now.getTime()}`;
		for (const suffix of ['', '-wal', '-shm']) {
			if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, previous + suffix);
		}
	}
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		await db.backup(target, { progress: () => 0x7fffffff });
	} finally {
		db.close();
	}
	const restored = new Database(target);
	restored.pragma('journal_mode = WAL');
	restored.close();
	if (owner) {
		for (const suffix of ['', '-wal', '-shm']) {
			if (!fs.existsSync(target + suffix)) continue;
			fs.chmodSync(target + suffix, owner.mode & 0o777);
			if (process.getuid?.() === 0) fs.chownSync(target + suffix, owner.uid, owner.gid);
		}
	}
	return { ...inspect(target), previous };
}
