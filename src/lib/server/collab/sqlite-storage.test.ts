import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { open, type Db } from '../db';
import { groupCommit } from '../db/group-commit';
import { SqliteStorage } from './sqlite-storage';

process.env.MIGRATIONS_DIR ??= fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** An update that inserts `text` at the end of a fresh doc's text `t`, from a fixed client. */
function textUpdate(doc: Y.Doc, text: string): Uint8Array {
	const before = Y.encodeStateVector(doc);
	doc.getText('t').insert(doc.getText('t').length, text);
	return Y.encodeStateAsUpdate(doc, before);
}

function textOf(updates: Uint8Array[]): string {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('t').toString();
}

describe('SqliteStorage', () => {
	let dir: string;
	let db: Db;
	let storage: SqliteStorage;

	beforeEach(() => {
		expect.hasAssertions();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-collab-'));
		db = open(path.join(dir, 'test.db'));
		storage = new SqliteStorage(db.$client);
	});

	afterEach(() => {
		db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('appends and loads in order, per document', () => {
		const source = new Y.Doc();
		const ids = ['a', 'b', 'c'].map((s) => storage.append('doc-1', textUpdate(source, s)));
		storage.append('doc-2', textUpdate(new Y.Doc(), 'other'));
		expect(ids[0]).toBeLessThan(ids[1]);
		const stored = storage.load('doc-1');
		expect(stored.updates).toHaveLength(3);
		expect(stored.lastId).toBe(ids[2]);
		expect(textOf(stored.updates)).toBe('abc');
		expect(storage.count('doc-1')).toBe(3);
		expect(storage.load('missing')).toEqual({ updates: [], lastId: 0 });
	});

	it('compacts into one row that holds the same content', () => {
		const source = new Y.Doc();
		for (const s of 'hello') storage.append('doc', textUpdate(source, s));
		const { updates, lastId } = storage.load('doc');
		storage.compact('doc', Y.mergeUpdates(updates), lastId);
		expect(storage.count('doc')).toBe(1);
		expect(textOf(storage.load('doc').updates)).toBe('hello');
	});

	it('keeps rows appended after the merged ones were read', () => {
		const source = new Y.Doc();
		storage.append('doc', textUpdate(source, 'one '));
		storage.append('doc', textUpdate(source, 'two '));
		const { updates, lastId } = storage.load('doc');
		const merged = Y.mergeUpdates(updates);
		// Written between reading the log and compacting it.
		storage.append('doc', textUpdate(source, 'three'));
		storage.compact('doc', merged, lastId);
		expect(storage.count('doc')).toBe(2);
		expect(textOf(storage.load('doc').updates)).toBe('one two three');
	});

	it('deletes one document only', () => {
		storage.append('a', textUpdate(new Y.Doc(), 'x'));
		storage.append('b', textUpdate(new Y.Doc(), 'y'));
		storage.delete('a');
		expect(storage.count('a')).toBe(0);
		expect(storage.count('b')).toBe(1);
	});

	it('keeps ids growing within a document after compaction removed the newest rows', () => {
		const source = new Y.Doc();
		for (const s of ['a', 'b', 'c']) storage.append('doc', textUpdate(source, s));
		const before = storage.load('doc');
		storage.compact('doc', Y.mergeUpdates(before.updates), before.lastId);
		const merged = storage.load('doc').lastId;
		const next = storage.append('doc', textUpdate(source, 'd'));
		expect(next).toBeGreaterThan(merged);
		const after = storage.load('doc');
		expect(after.lastId).toBe(next);
		expect(textOf(after.updates)).toBe('abcd');
	});

	it('hands out no id twice when compaction removed the newest rows of the whole table', () => {
		const source = new Y.Doc();
		for (const s of ['a', 'b', 'c']) storage.append('alone', textUpdate(source, s));
		const before = storage.load('alone');
		storage.compact('alone', Y.mergeUpdates(before.updates), before.lastId);
		// The document is alone in the table, so a fresh row id would start over at 1.
		expect(storage.load('alone').lastId).toBe(before.lastId);
		expect(storage.append('other', textUpdate(new Y.Doc(), 'x'))).toBeGreaterThan(before.lastId);
	});

	it('commits grouped appends by the end of the turn, for other connections to read', async () => {
		const other = new Database(path.join(dir, 'test.db'), { readonly: true });
		const rows = () => (other.prepare('SELECT count(*) AS n FROM yjs_update').get() as { n: number }).n;
		try {
			storage.append('doc', textUpdate(new Y.Doc(), 'x'));
			storage.append('doc', textUpdate(new Y.Doc(), 'y'));
			expect(rows()).toBe(0);
			await new Promise((resolve) => setImmediate(resolve));
			expect(rows()).toBe(2);
			storage.append('doc', textUpdate(new Y.Doc(), 'z'));
			storage.flush();
			expect(rows()).toBe(3);
		} finally {
			other.close();
		}
	});
});

describe('the rowid migration', () => {
	it('keeps a log stored before it, and appends after it', () => {
		expect.hasAssertions();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-migrate-'));
		try {
			// The migrations as they were before the yjs_update table lost AUTOINCREMENT.
			const old = path.join(dir, 'old-migrations');
			fs.cpSync(process.env.MIGRATIONS_DIR!, old, { recursive: true });
			const journalFile = path.join(old, 'meta/_journal.json');
			const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
			const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('yjs_update_rowid'));
			expect(at).toBeGreaterThan(0);
			journal.entries = journal.entries.slice(0, at);
			fs.writeFileSync(journalFile, JSON.stringify(journal));
			const file = path.join(dir, 'old.db');
			const saved = process.env.MIGRATIONS_DIR;
			process.env.MIGRATIONS_DIR = old;
			const before = open(file);
			process.env.MIGRATIONS_DIR = saved;
			const source = new Y.Doc();
			const oldIds = ['kept ', 'across '].map((s) => new SqliteStorage(before.$client).append('doc', textUpdate(source, s)));
			groupCommit(before.$client).flush();
			before.$client.close();

			const after = open(file);
			try {
				const upgraded = new SqliteStorage(after.$client);
				expect(upgraded.load('doc').lastId).toBe(oldIds[1]);
				const id = upgraded.append('doc', textUpdate(source, 'the upgrade'));
				expect(id).toBeGreaterThan(oldIds[1]);
				expect(textOf(upgraded.load('doc').updates)).toBe('kept across the upgrade');
				const sql = after.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'yjs_update'").pluck().get() as string;
				expect(sql).not.toMatch(/AUTOINCREMENT/i);
			} finally {
				after.$client.close();
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
