/**
 * The eight group colours. Chosen from the Okabe–Ito and Tol palettes so neighbours stay
 * distinguishable with the common colour-vision deficiencies; every group also carries a letter
 * and a pattern, so colour is never the only carrier of meaning.
 */
export const GROUP_COLOURS = [
	{ hex: '#0072B2', letter: 'A', pattern: 'dots' },
	{ hex: '#E69F00', letter: 'B', pattern: 'stripes' },
	{ hex: '#009E73', letter: 'C', pattern: 'grid' },
	{ hex: '#CC79A7', letter: 'D', pattern: 'waves' },
	{ hex: '#56B4E9', letter: 'E', pattern: 'cross' },
	{ hex: '#D55E00', letter: 'F', pattern: 'diagonal' },
	{ hex: '#7A5195', letter: 'G', pattern: 'rings' },
	{ hex: '#4D4D4D', letter: 'H', pattern: 'checks' }
] as const;

/** The colour entry for a group's colour index (wraps past eight). */
export function groupColour(index: number) {
	return GROUP_COLOURS[((index % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length];
}

/** How many presence colours a participant can choose from: the group palette, shown with names. */
export const PRESENCE_COLOURS = GROUP_COLOURS.length;

/** The presence colour a participant shows: the one they chose, else their group's. */
export function presenceColour(chosen: number | null | undefined, groupIndex: number | null | undefined): string {
	return groupColour(chosen ?? groupIndex ?? 0).hex;
}
