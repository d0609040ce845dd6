import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import * as db from './db';

/** Points the process-wide database at a fresh SQLite file for the tests of one file. */
export function useTempDb(): void {
	let dir = '';
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-test-'));
		process.env.DATABASE_PATH = path.join(dir, 'test.db');
		db.close();
	});
	afterAll(() => {
		db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
}
