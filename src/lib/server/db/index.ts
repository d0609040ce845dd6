import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { databasePath, migrationsDir } from '../config';
import { groupCommit } from './group-commit';
import { Checkpointer } from './checkpointer';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Creates the database file if needed, readable by its owner only (it holds names, reports and
 * password hashes; SQLite gives its -wal and -shm files the same mode), and says plainly when
 * this user cannot write there.
 */
function prepareFile(file: string): void {
	const dir = path.dirname(file);
	try {
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
		fs.closeSync(fs.openSync(file, 'a', 0o600));
	} catch (error) {
		const who = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
		throw new Error(`cannot write the database ${file}${who}: ${(error as Error).message}; check DATABASE_PATH and who owns ${dir}`, { cause: error });
	}
}

/** Opens a SQLite file in WAL mode and brings its schema up to date. */
export function open(file: string = databasePath()): Db {
	if (file !== ':memory:') prepareFile(file);
	const client = new Database(file);
	client.pragma('journal_mode = WAL');
	// NORMAL in WAL mode is durable across a process crash (kill -9); only a power cut can
	// lose the last transactions.
	client.pragma('synchronous = NORMAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	migrate(db, { migrationsFolder: migrationsDir() });
	// Commits no longer checkpoint inline; this does it between them (it stops when the client closes).
	if (file !== ':memory:') new Checkpointer(client);
	return db;
}

const KEY = Symbol.for('huddle.db');
type Holder = { [KEY]?: Db };

/** The process-wide database, opened on first use (one connection shared by pages and collab). */
export function get(): Db {
	const holder = globalThis as Holder;
	holder[KEY] ??= open();
	return holder[KEY];
}

/** Closes the process-wide database, if open. */
export function close(): void {
	const holder = globalThis as Holder;
	const client = holder[KEY]?.$client;
	// Closing rolls back an open transaction: commit the grouped writes first.
	if (client?.open) groupCommit(client).flush();
	client?.close();
	delete holder[KEY];
}
