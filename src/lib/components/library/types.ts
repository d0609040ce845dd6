import type { Localized } from '$lib/exercises/schema';

/** One exercise as the library lists it. */
export type CardData = {
	id: string;
	kind: string;
	topic: string;
	title: Localized;
	goal: Localized;
	/** The sum of the phases' minutes. */
	minutes: number;
	/** A facilitator's own copy rather than a file. */
	custom: boolean;
};
