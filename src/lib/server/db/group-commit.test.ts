import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
	let dir: string;
	let writer: Database.Database;
	let reader: Database.Database;
	let group: GroupCommit;
	const rows = () => (reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;

	beforeEach(() => {
		expect.hasAssertions();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-group-'));
		const file = path.join(dir, 'g.db');
		writer = new Database(file);
		writer.pragma('journal_mode = WAL');
		writer.pragma('foreign_keys = ON');
		writer.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
			CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT,
				parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
		reader = new Database(file, { readonly: true });
		group = new GroupCommit(writer);
	});

	afterEach(() => {
		reader.close();
		writer.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('commits the writes of one turn together, visible to other connections only then', async () => {
		const insert = writer.prepare('INSERT INTO t (v) VALUES (?)');
		for (const v of ['a', 'b', 'c']) group.write(() => insert.run(v));
		expect(group.pending).toBe(true);
		expect(writer.inTransaction).toBe(true);
		expect(rows()).toBe(0);
		group.flush();
		expect(rows()).toBe(3);
		expect(group.pending).toBe(false);

		group.write(() => insert.run('d'));
		expect(rows()).toBe(3);
		await turn();
		expect(rows()).toBe(4);
		expect(writer.inTransaction).toBe(false);
	});

	it('lets other transactions on the connection run inside it, as savepoints', () => {
		const insert = writer.prepare('INSERT INTO t (v) VALUES (?)');
		group.write(() => insert.run('grouped'));
		const failing = writer.transaction(() => {
			insert.run('undone');
			throw new Error('handler failed');
		});
		expect(() => failing()).toThrow('handler failed');
		writer.transaction(() => insert.run('kept'))();
		group.flush();
		const values = reader.prepare('SELECT v FROM t ORDER BY id').pluck().all();
		expect(values).toEqual(['grouped', 'kept']);
	});

	it('rolls back, tells its listeners and throws when the commit fails', () => {
		const lost = vi.fn();
		group.onLost(lost);
		const insert = writer.prepare('INSERT INTO t (v, parent) VALUES (?, ?)');
		group.write(() => insert.run('fine', null));
		// A deferred foreign key is checked at COMMIT, which then fails and leaves the transaction open.
		group.write(() => insert.run('orphan', 42));
		expect(() => group.flush()).toThrow(/FOREIGN KEY/);
		expect(lost).toHaveBeenCalledTimes(1);
		expect(writer.inTransaction).toBe(false);
		expect(group.pending).toBe(false);
		expect(rows()).toBe(0);

		// The next write starts afresh.
		group.write(() => insert.run('again', null));
		group.flush();
		expect(rows()).toBe(1);
		expect(lost).toHaveBeenCalledTimes(1);
	});

	it('reports the grouped writes lost when a failing statement ended the whole transaction', () => {
		const lost = vi.fn();
		group.onLost(lost);
		group.write(() => writer.prepare("INSERT INTO t (v) VALUES ('first')").run());
		expect(() =>
			group.write(() => {
				writer.exec('ROLLBACK');
				throw new Error('disk full');
			})
		).toThrow('disk full');
		expect(lost).toHaveBeenCalledTimes(1);
		expect(group.pending).toBe(false);
		expect(() => group.flush()).not.toThrow();
		expect(rows()).toBe(0);
	});
});
