/**
 * The contract every activity kind implements: a co-edited board and a read-only summary.
 * A kind lives in `src/lib/activities/<kind>/` and is added to the registry with one line.
 */
import type { Component } from 'svelte';
import type * as Y from 'yjs';
import type { CollabConnection } from '$lib/collab/connection.svelte';

/** The locales the app speaks. */
export type Locale = 'zh-CN' | 'en';

/** A text given in every locale. */
export type Localized = { 'zh-CN': string; en: string };

/** Who is looking at a board, and where: for kinds that show different things to different people. */
export type BoardContext = {
	activityId: string;
	groupId: string;
	/** The participant using this device, or null for the facilitator. */
	participantId: string | null;
	/** The local user's display name. */
	name: string;
};

/** What a board component receives. */
export type BoardProps = {
	/** Who and where (activity, group, participant). */
	context: BoardContext;
	/** The live document of this (activity run, group). */
	connection: CollabConnection;
	/** The kind's board definition, from the exercise; validate before use. */
	definition: unknown;
	/** True when this user may only look (closed workshop, locked phase, other group). */
	readonly: boolean;
	locale: Locale;
};

/** What a summary component receives: a document to render, no connection. */
export type SummaryProps = {
	doc: Y.Doc;
	/** The kind's board definition, from the exercise; validate before use. */
	definition: unknown;
	locale: Locale;
};

/** One activity kind. */
export interface ActivityModule {
	/** The kind, as named in exercise files (e.g. `pest`). */
	kind: string;
	/** The co-edited board. */
	Board: Component<BoardProps>;
	/** The read-only summary (projector, revisit, export). */
	Summary: Component<SummaryProps>;
}

/** The board definition of a PEST exercise. */
export type PestBoardDef = {
	quadrants: { key: 'P' | 'E' | 'S' | 'T'; title: Localized; prompt: Localized }[];
	votes_per_participant: number;
	weight_scale: number;
};
