import { normaliseTypedCode } from './typed-code';

/** Letters and digits that cannot be mistaken for one another: no 0/O, no 1/I/L. */
export const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Length of a join code. */
export const LENGTH = 6;

/** A random join code (31^6 ≈ 887 million possibilities). */
export function generate(): string {
	const out: string[] = [];
	const buf = new Uint8Array(1);
	while (out.length < LENGTH) {
		crypto.getRandomValues(buf);
		// Rejection sampling keeps every character equally likely.
		if (buf[0] < 248) out.push(ALPHABET[buf[0] % ALPHABET.length]);
	}
	return out.join('');
}

/** Normalises what a person typed (see normaliseTypedCode). */
export function normalise(input: string): string {
	return normaliseTypedCode(input);
}

/** Whether a normalised string has the shape of a join code. */
export function isWellFormed(code: string): boolean {
	return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c));
}
