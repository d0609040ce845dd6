// An online backup of the whole installation, safe while the app is running:
//   npm run backup -- [file]        (default: backups/huddle-YYYYMMDD-HHMMSS.db)
// Uses the same DATABASE_PATH as the app. The copy is one self-contained SQLite file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, defaultBackupFile } from '../src/lib/server/backup';
import { databasePath } from '../src/lib/server/config';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length > 1) {
	console.error('usage: npm run backup -- [file]');
	process.exit(2);
}
const source = databasePath();
const target = positionals[0] ? path.resolve(positionals[0]) : defaultBackupFile();
try {
	const started = Date.now();
	const s = await backup(source, target);
	console.log(`backed up ${source}`);
	console.log(`      to ${s.file} (${(s.bytes / 1024).toFixed(0)} KiB, ${s.workshops} workshops, ${s.participants} participants, ${Date.now() - started} ms)`);
} catch (error) {
	console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
