/** Maps each activity kind to its module. Adding a kind is one entry here. */
import type { ActivityModule } from './types';
import PestBoard from './pest/Board.svelte';
import PestSummary from './pest/Summary.svelte';
import FishboneBoard from './fishbone/Board.svelte';
import FishboneSummary from './fishbone/Summary.svelte';
import SpinBoard from './spin/Board.svelte';
import SpinSummary from './spin/Summary.svelte';
import MotBoard from './mot/Board.svelte';
import MotSummary from './mot/Summary.svelte';

/**
 * Every activity kind, by the name exercise files use. Null-prototype, so an unknown kind
 * (even `constructor`) reads as undefined.
 */
export const registry: Readonly<Record<string, ActivityModule | undefined>> = Object.freeze(
	Object.assign(Object.create(null) as Record<string, ActivityModule>, {
		pest: { kind: 'pest', Board: PestBoard, Summary: PestSummary },
		fishbone: { kind: 'fishbone', Board: FishboneBoard, Summary: FishboneSummary },
		'spin-roleplay': { kind: 'spin-roleplay', Board: SpinBoard, Summary: SpinSummary },
		'moments-of-truth': { kind: 'moments-of-truth', Board: MotBoard, Summary: MotSummary }
	} satisfies Record<string, ActivityModule>)
);

/** The module for a kind, or undefined when the kind is unknown. */
export function activity(kind: string): ActivityModule | undefined {
	return registry[kind];
}

/** Every registered kind. */
export function kinds(): string[] {
	return Object.keys(registry);
}
