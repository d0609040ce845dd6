import type { Participant } from './db/schema';
import { qrSvg } from './join-link';
import * as revisit from './revisit';

/** What a participant needs to come back later: the code, the link, and the link as a QR code. */
export type Slip = { code: string; formatted: string; url: string; qr: string };

/** The revisit slip of a participant (creating their code if they joined before codes existed). */
export async function slip(p: Pick<Participant, 'id' | 'revisitCode'>, origin: string): Promise<Slip> {
	const code = revisit.codeFor(p);
	const url = `${origin}${revisit.path(code)}`;
	return { code, formatted: revisit.format(code), url, qr: await qrSvg(url) };
}
