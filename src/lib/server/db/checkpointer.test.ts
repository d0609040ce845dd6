import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer';
import { groupCommit } from './group-commit';

describe('Checkpointer', () => {
	let dir: string;
	let file: string;
	let client: Database.Database;
	let checkpointer: Checkpointer | null = null;

	/** Rows of `t` in the database file itself, leaving out whatever is still only in the log. */
	const rowsInFile = (): number => {
		const copy = path.join(dir, `copy-${Math.random()}.db`);
		fs.copyFileSync(file, copy);
		const reader = new Database(copy);
		try {
			return (reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
		} finally {
			reader.close();
		}
	};
	const insert = (count: number): void => {
		const statement = client.prepare('INSERT INTO t (v) VALUES (?)');
		// One commit each, as the collaboration server's turns make them.
		for (let i = 0; i < count; i++) statement.run('x'.repeat(200));
	};

	beforeEach(() => {
		expect.hasAssertions();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-checkpoint-'));
		file = path.join(dir, 'c.db');
		client = new Database(file);
		client.pragma('journal_mode = WAL');
		client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
		client.pragma('wal_checkpoint(TRUNCATE)');
	});

	afterEach(() => {
		checkpointer?.stop();
		checkpointer = null;
		if (client.open) client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('keeps commits from checkpointing, however long the log grows', () => {
		checkpointer = new Checkpointer(client, 3_600_000);
		// 3,000 commits write well over the 1,000 pages after which a commit would checkpoint.
		insert(3000);
		expect(rowsInFile()).toBe(0);
		expect(checkpointer.checkpoint()).toBe(true);
		expect(rowsInFile()).toBe(3000);
	});

	it('copies the log into the file on its own once there have been writes', async () => {
		checkpointer = new Checkpointer(client, 20);
		insert(50);
		expect(rowsInFile()).toBe(0);
		await expect.poll(rowsInFile, { timeout: 5000, interval: 20 }).toBe(50);
	});

	it('commits the grouped writes of the turn before it checkpoints', () => {
		checkpointer = new Checkpointer(client, 3_600_000);
		const statement = client.prepare('INSERT INTO t (v) VALUES (?)');
		groupCommit(client).write(() => statement.run('grouped'));
		expect(checkpointer.checkpoint()).toBe(true);
		expect(groupCommit(client).pending).toBe(false);
		expect(rowsInFile()).toBe(1);
	});

	it('says so when a reader holds part of the log back, and finishes the copy later', () => {
		checkpointer = new Checkpointer(client, 3_600_000);
		insert(10);
		const reader = new Database(file, { readonly: true });
		try {
			reader.prepare('BEGIN').run();
			expect((reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(10);
			insert(10);
			expect(checkpointer.checkpoint()).toBe(false);
			reader.prepare('COMMIT').run();
			expect(checkpointer.checkpoint()).toBe(true);
			expect(rowsInFile()).toBe(20);
		} finally {
			reader.close();
		}
	});

	it('stops by itself once its connection is closed', async () => {
		checkpointer = new Checkpointer(client, 10);
		insert(5);
		client.close();
		// A tick on a closed connection would throw from better-sqlite3 (an unhandled error that
		// fails the run); it stops instead, and the connection stays closed.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(client.open).toBe(false);
	});
});
