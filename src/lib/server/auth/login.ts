import { RateLimiter } from '../rate-limit';
import * as facilitators from './facilitators';
import * as password from './password';

// Failed attempts: 5 per account and 30 per address per 15 minutes, refilled steadily.
const perAccount = new RateLimiter(5, 15 * 60_000);
const perAddress = new RateLimiter(30, 15 * 60_000);

// Verifying against a real hash when the account does not exist keeps the timing of a wrong
// e-mail and a wrong password alike, so the answer hints at neither.
let dummyHash: Promise<string> | undefined;

export type LoginResult = { ok: true; facilitatorId: string } | { ok: false; reason: 'invalid' | 'throttled' | 'disabled' };

/** Checks credentials with per-account and per-address throttling of failures. */
export async function attempt(email: string, pw: string, address: string): Promise<LoginResult> {
	const key = facilitators.normaliseEmail(email);
	if (!perAddress.take(`ip:${address}`) || !perAccount.take(`acct:${key}`)) return { ok: false, reason: 'throttled' };
	const row = facilitators.byEmail(key);
	dummyHash ??= password.hash('not a real password');
	const valid = await password.verify(row?.passwordHash ?? (await dummyHash), pw);
	if (!row || !valid) return { ok: false, reason: 'invalid' };
	// Only failures count. The attempt is taken before the (slow) check so that parallel guesses
	// cannot all pass it, and given back here: a training centre behind one address, where every
	// trainer signs in within minutes, is never locked out by its own successful sign-ins.
	perAddress.refund(`ip:${address}`);
	perAccount.reset(`acct:${key}`);
	// Said only to whoever knows the password: it tells them whom to ask, and a guesser nothing.
	if (row.disabledAt) return { ok: false, reason: 'disabled' };
	return { ok: true, facilitatorId: row.id };
}
