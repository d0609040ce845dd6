import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { noteWriteFailure, writeProblem } from './health';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-health-'));
const file = path.join(dir, 'h.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('database health', () => {
	it('tells a writable database from one that can only be read', () => {
		const writer = new Database(file);
		writer.pragma('journal_mode = WAL');
		writer.exec('CREATE TABLE t (x)');
		expect(writeProblem(writer, 0)).toBeNull();
		// Inside the grouped writes of a turn it holds the lock already.
		writer.exec('BEGIN IMMEDIATE');
		expect(writeProblem(writer, 0)).toBeNull();
		writer.exec('ROLLBACK');
		const reader = new Database(file, { readonly: true });
		expect(writeProblem(reader, 0)).toMatch(/readonly/i);
		expect(reader.inTransaction).toBe(false);
		reader.close();
		writer.close();
	});

	it('reports a failed write for 30 seconds', () => {
		const db = new Database(':memory:');
		noteWriteFailure(1_000_000);
		expect(writeProblem(db, 1_000_000 + 29_000)).toMatch(/failed/);
		expect(writeProblem(db, 1_000_000 + 31_000)).toBeNull();
		db.close();
	});
});
