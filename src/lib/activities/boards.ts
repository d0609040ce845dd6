/**
 * The co-edited boards, loaded on demand: a learner's tablet downloads only the board of the
 * activity running now, not every kind. Pages that need everything (console, results) use the
 * registry instead. Keep the kinds in step with `registry.ts`.
 */
import type { Component } from 'svelte';
import type { BoardProps } from './types';

type Loader = () => Promise<{ default: Component<BoardProps> }>;

const LOADERS: Readonly<Record<string, Loader | undefined>> = Object.freeze(
	Object.assign(Object.create(null) as Record<string, Loader>, {
		pest: () => import('./pest/Board.svelte'),
		fishbone: () => import('./fishbone/Board.svelte'),
		'spin-roleplay': () => import('./spin/Board.svelte'),
		'moments-of-truth': () => import('./mot/Board.svelte')
	})
);

/** Loads the board of `kind`; undefined when the kind is unknown. */
export function loadBoard(kind: string): Promise<Component<BoardProps>> | undefined {
	return LOADERS[kind]?.().then((module) => module.default);
}
