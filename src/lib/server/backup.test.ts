import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as backup from './backup';
import { open, type Db } from './db';

// A stand-in for the running app: commits one row at a time and reports how many it has written.
const WRITER = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO yjs_update (doc, \\"update\\") VALUES ('busy', ?)");
let n = 0;
setInterval(() => { insert.run(Buffer.alloc(500, n % 256)); n++; console.log(n); }, 2);
`;

describe('backup and restore', () => {
	let dir: string;
	let live: Db;
	let file: string;

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-backup-'));
		file = path.join(dir, 'huddle.db');
		live = open(file);
		// A few megabytes of board history, so the copy takes more than one turn of the event loop.
		const insert = live.$client.prepare('INSERT INTO yjs_update (doc, "update") VALUES (?, ?)');
		live.$client.transaction(() => {
			for (let i = 0; i < 3000; i++) insert.run(`board.${i % 50}`, Buffer.alloc(1000, i % 256));
		})();
	});

	afterEach(() => {
		if (live.$client.open) live.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('produces an intact copy while another process keeps writing', async () => {
		// The app, in its own process, commits a small transaction every few milliseconds.
		const writer = spawn(process.execPath, ['-e', WRITER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
		let writes = 0;
		writer.stdout.on('data', (chunk: Buffer) => (writes = Number(chunk.toString().trim().split('\n').pop())));
		while (writes < 20) await new Promise((r) => setTimeout(r, 10));
		const target = path.join(dir, 'copies', 'backup.db');
		const summary = await backup.backup(file, target);
		const writesAtEnd = writes;
		while (writes < writesAtEnd + 20) await new Promise((r) => setTimeout(r, 10));
		live.$client.close();
		expect(backup.inUse(file)).toBe(true); // the other process still has it open
		writer.kill();
		await new Promise((r) => writer.once('exit', r));
		expect(backup.inUse(file)).toBe(false);

		expect(summary.file).toBe(target);
		const copy = new Database(target, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
		const n = (copy.prepare("SELECT count(*) AS n FROM yjs_update WHERE doc LIKE 'board.%'").get() as { n: number }).n;
		const busy = copy.prepare("SELECT count(*) AS n, max(id) - min(id) + 1 AS span FROM yjs_update WHERE doc = 'busy'").get() as { n: number; span: number };
		copy.close();
		expect(n).toBe(3000);
		// One instant: a gap-free prefix of the concurrent writes, not the ones after the copy.
		expect(busy.n).toBeGreaterThanOrEqual(20);
		expect(busy.n).toBe(busy.span);
		expect(busy.n).toBeLessThan(writes);
		await expect(backup.backup(file, target)).rejects.toThrow(/already exists/);
		// The database and its copy are for their owner's eyes only.
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.statSync(target).mode & 0o777).toBe(0o600);
		expect(fs.statSync(path.dirname(target)).mode & 0o777).toBe(0o700);
	});

	it('says which file it cannot write, and where to look', () => {
		// A folder that cannot be made: its parent is a file.
		expect(() => open(path.join(file, 'nested', 'huddle.db'))).toThrow(/cannot write the database .*nested\/huddle\.db.*check DATABASE_PATH/);
	});

	it('restores only a Huddle database, only when the app is stopped, keeping the old file', async () => {
		const target = path.join(dir, 'backup.db');
		await backup.backup(file, target);
		const junk = path.join(dir, 'junk.db');
		fs.writeFileSync(junk, 'not a database at all, just text '.repeat(100));
		expect(() => backup.inspect(junk)).toThrow(/not a SQLite database/);

		expect(backup.inUse(file)).toBe(true); // the "app" (live) still has it open
		await expect(backup.restore(target, file)).rejects.toThrow(/in use/);

		live.$client.prepare("INSERT INTO yjs_update (doc, \"update\") VALUES ('after.backup', x'00')").run();
		live.$client.close();
		expect(backup.inUse(file)).toBe(false);
		// The app's file belongs to its service user (nobody, here, when the test can say so).
		const root = process.getuid?.() === 0;
		fs.chmodSync(file, 0o600);
		if (root) fs.chownSync(file, 65534, 65534);
		const restored = await backup.restore(target, file);
		const after = fs.statSync(file);
		expect(after.mode & 0o777).toBe(0o600);
		if (root) expect([after.uid, after.gid]).toEqual([65534, 65534]);
		expect(restored.previous).toMatch(/before-restore-\d+$/);
		expect(fs.existsSync(restored.previous!)).toBe(true);
		const db = new Database(file);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect((db.prepare("SELECT count(*) AS n FROM yjs_update WHERE doc = 'after.backup'").get() as { n: number }).n).toBe(0);
		db.close();
		expect(backup.defaultBackupFile(new Date(2025, 5, 7, 8, 9, 10))).toMatch(/backups\/huddle-20250607-080910\.db$/);
	});
});
