// Shared by the report editor (the live counter) and the server (the submit check), so both
// always agree on the number the participant sees.

const SPACE = /\s/u;

/**
 * The length of a text as people count it for Chinese (字数, as word processors report it
 * without spaces): one per code point, so 汉 and 𠀀 count one each where UTF-16 would count the
 * second twice; spaces and line breaks do not count, so padding never meets a target.
 */
export function countChars(text: string): number {
	let n = 0;
	for (const ch of text) if (!SPACE.test(ch)) n++;
	return n;
}

/** Number of code points, spaces included: what the storage limit is measured in. */
export function codePoints(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

/** Longest report kept, in code points (about twenty pages of Chinese). */
export const MAX_REPORT = 20_000;
