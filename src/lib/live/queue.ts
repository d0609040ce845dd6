/** The presentation order: plain list operations over group ids. */

/**
 * The presentation order over the workshop's current groups: the stored order first (groups that
 * no longer exist dropped), then groups not yet ordered, in their own order.
 */
export function orderQueue(queue: string[], groupIds: string[]): string[] {
	const present = new Set(groupIds);
	const ordered = queue.filter((id) => present.has(id));
	const seen = new Set(ordered);
	return [...ordered, ...groupIds.filter((id) => !seen.has(id))];
}

/** A shuffled copy of `list` (Fisher–Yates), with an injectable random source for tests. */
export function shuffled<T>(list: readonly T[], random: () => number = Math.random): T[] {
	const copy = [...list];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** Moves a group one place up (-1) or down (+1) in the order. */
export function moveInQueue(queue: string[], id: string, by: -1 | 1): string[] {
	const i = queue.indexOf(id);
	const j = i + by;
	if (i < 0 || j < 0 || j >= queue.length) return queue;
	const copy = [...queue];
	[copy[i], copy[j]] = [copy[j], copy[i]];
	return copy;
}
