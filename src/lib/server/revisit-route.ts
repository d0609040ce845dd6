import { error, type RequestEvent } from '@sveltejs/kit';
import * as revisit from './revisit';
import * as device from './revisit-device';

/** Why a code opened nothing, as the pages explain it. */
export type Refusal = 'wrong' | 'throttled';

/**
 * The participant and workshop of the revisit code in a URL, or a 404 (wrong or expired code)
 * or 429 (too many wrong codes) that the /r error page explains. A code that opens something is
 * remembered on this device for "my workshops".
 */
export function open(code: string, ctx: Pick<RequestEvent, 'getClientAddress' | 'cookies' | 'url' | 'locals'>): revisit.Found {
	const found = revisit.lookup(code, ctx.getClientAddress(), Date.now(), ctx.locals.participant?.revisitCode ?? null);
	if (!found.ok) error(found.reason === 'throttled' ? 429 : 404, { message: found.reason });
	device.remember(ctx.cookies, ctx.url, found.participant.revisitCode ?? revisit.normalise(code));
	return { participant: found.participant, workshop: found.workshop };
}
