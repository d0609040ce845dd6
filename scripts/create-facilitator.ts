// Creates a facilitator from the shell, for headless set-ups and scripted tests:
//   npm run facilitator:create -- --email a@b.c --name "Li Na" --password '…' [--admin]
// The password may come from the HUDDLE_PASSWORD environment variable instead.
import * as facilitators from '../src/lib/server/auth/facilitators';
import * as password from '../src/lib/server/auth/password';
import * as db from '../src/lib/server/db';
import { isEmail } from '../src/lib/server/forms';
import { optionsOrUsage } from './cli-args';

const USAGE = [
	'usage: npm run facilitator:create -- --email EMAIL --name NAME --password PASSWORD [--admin]',
	'       (the password needs 8 to 200 characters; it may also come from HUDDLE_PASSWORD)'
].join('\n');

const values = optionsOrUsage(
	{
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
		admin: { type: 'boolean', default: false }
	},
	USAGE
);
const pw = values.password ?? process.env.HUDDLE_PASSWORD ?? '';
if (!values.email || !values.name || !password.acceptable(pw)) {
	console.error(USAGE);
	process.exit(2);
}
// The sign-in page asks for an e-mail address: an account under anything else could never sign in.
if (!isEmail(values.email)) {
	console.error(`not an e-mail address: ${values.email}\n${USAGE}`);
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
