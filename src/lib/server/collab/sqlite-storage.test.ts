import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, type Db } from '../db';
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
});
