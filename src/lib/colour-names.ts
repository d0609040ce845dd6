import * as m from '$lib/paraglide/messages';

const NAMES = [m.colour_blue, m.colour_orange, m.colour_green, m.colour_pink, m.colour_sky, m.colour_vermilion, m.colour_purple, m.colour_grey];

/** The name of group colour `index` (see GROUP_COLOURS) in the reader's language. */
export function colourName(index: number): string {
	return NAMES[((index % NAMES.length) + NAMES.length) % NAMES.length]();
}
