// Sets a facilitator's password from the shell: the way back in when the only admin has forgotten
// theirs (an admin resets other accounts at /admin/facilitators). Ends the account's sessions.
//   npm run facilitator:password -- --email a@b.c --password '…' [--enable]
// The password may come from the HUDDLE_PASSWORD environment variable instead.
import * as facilitators from '../src/lib/server/auth/facilitators';
import * as password from '../src/lib/server/auth/password';
import * as db from '../src/lib/server/db';
import { optionsOrUsage } from './cli-args';

const USAGE = [
	'usage: npm run facilitator:password -- --email EMAIL --password PASSWORD [--enable]',
	'       (the password needs 8 to 200 characters; it may also come from HUDDLE_PASSWORD;',
	'        --enable also turns the account back on if an admin had turned it off)'
].join('\n');

const values = optionsOrUsage({ email: { type: 'string' }, password: { type: 'string' }, enable: { type: 'boolean', default: false } }, USAGE);
const pw = values.password ?? process.env.HUDDLE_PASSWORD ?? '';
if (!values.email || !password.acceptable(pw)) {
	console.error(USAGE);
	process.exit(2);
}
try {
	const row = facilitators.byEmail(values.email);
	if (!row) {
		console.error(`no facilitator has the e-mail ${facilitators.normaliseEmail(values.email)}`);
		process.exitCode = 1;
	} else {
		await facilitators.setPassword(row.id, pw);
		if (values.enable && row.disabledAt) facilitators.setDisabled(row.id, false);
		const off = row.disabledAt && !values.enable ? ' (the account is turned off: add --enable to turn it on)' : '';
		console.log(`new password set for ${row.email}; its sessions are ended${off}`);
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	db.close();
}
