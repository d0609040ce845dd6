/**
 * The kinds whose boards support silent (private) phases, by kind. A kind adds its hook here;
 * a kind without one keeps every note on the shared board even in a phase marked private.
 */
import { fishboneReveal } from './fishbone';
import { pestReveal } from './pest';
import type { RevealHook } from './types';

export type { PrivateItem, RevealHook } from './types';

const hooks: Readonly<Record<string, RevealHook | undefined>> = Object.freeze(
	Object.assign(Object.create(null) as Record<string, RevealHook>, { pest: pestReveal, fishbone: fishboneReveal })
);

/** The reveal hook of a kind, or undefined when its boards have no private phase. */
export function revealHook(kind: string): RevealHook | undefined {
	return hooks[kind];
}
