/**
 * A code as a person typed it (join code or revisit code), made comparable: NFKC first turns the
 * full-width letters and dashes of a Chinese keyboard (ＡＢ－３) into ASCII ones, then it is
 * upper-cased and spaces and every kind of dash are dropped. Only the first 64 characters are read.
 */
export function normaliseTypedCode(input: string): string {
	return input.slice(0, 64).normalize('NFKC').toUpperCase().replace(/[\s\p{Pd}]/gu, '');
}
