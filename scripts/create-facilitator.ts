// Creates a facilitator from the shell, for headless set-ups and scripted tests:
//   npm run facilitator:create -- --email a@b.c --name "Li Na" --password '…' [--admin]
// The password may come from the HUDDLE_PASSWORD environment variable instead.
import { parseArgs } from 'node:util';
import * as facilitators from '../src/lib/server/auth/facilitators';
import * as password from '../src/lib/server/auth/password';
import * as db from '../src/lib/server/db';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
		admin: { type: 'boolean', default: false }
	}
});
const pw = values.password ?? process.env.HUDDLE_PASSWORD ?? '';
if (!values.email || !values.name || !password.acceptable(pw)) {
	console.error('usage: npm run facilitator:create -- --email EMAIL --name NAME --password PASSWORD [--admin]');
	console.error('       (the password needs 8 to 200 characters; it may also come from HUDDLE_PASSWORD)');
	process.exit(2);
}
try {
	// The first facilitator is always an admin, as on the onboarding page.
	const isAdmin = values.admin || facilitators.total() === 0;
	const row = await facilitators.create({ email: values.email, name: values.name, password: pw, isAdmin });
	console.log(`created facilitator ${row.email}${isAdmin ? ' (admin)' : ''}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	db.close();
}
