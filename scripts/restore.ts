// Replaces the installation's database with a backup:
//   npm run restore -- FILE --force
// Stop the app first (it refuses while another process has the database open). The current
// database is kept next to it as <file>.before-restore-<time>. Start the app afterwards: an older
// backup is brought up to date by the migrations at start-up.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inspect, restore } from '../src/lib/server/backup';
import { databasePath } from '../src/lib/server/config';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
	console.error('usage: npm run restore -- FILE --force   (stop the app first)');
	process.exit(2);
}
const source = path.resolve(positionals[0]);
const target = databasePath();
try {
	const s = inspect(source);
	console.log(`${s.file}: ${s.workshops} workshops, ${s.participants} participants`);
	if (!values.force) {
		console.error(`This replaces every workshop in ${target} with the backup's.`);
		console.error('Stop the app, then run again with --force.');
		process.exitCode = 2;
	} else {
		const r = await restore(source, target);
		console.log(`restored ${target} from ${source}`);
		if (r.previous) console.log(`the previous database is kept as ${r.previous}`);
	}
} catch (error) {
	console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
