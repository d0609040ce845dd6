import type { Cookies } from '@sveltejs/kit';
import type { Participant } from './db/schema';
import * as attempts from './join-attempts';
import * as participants from './participants';
import * as device from './revisit-device';

/**
 * The device is handed on: it forgets `p` (their cookie, their workshop in "my workshops", the
 * join form that made them). `p` stays in the workshop and their revisit code keeps working.
 */
export function handOn(cookies: Cookies, url: URL, p: Pick<Participant, 'id' | 'revisitCode'>): void {
	if (p.revisitCode) device.forget(cookies, url, p.revisitCode);
	attempts.forgetParticipant(p.id);
	cookies.delete(participants.COOKIE, { path: '/' });
}
