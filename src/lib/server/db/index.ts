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

/** Opens a SQLite file in WAL mode and brings its schema up to date. */
export function open(file: string = databasePath()): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
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
