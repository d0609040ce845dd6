/**
 * Dot votes kept in a Y.Map as `<item>:<voter>` → when the vote was cast (ms). Tablets apart from
 * each other can each cast a voter's last vote, so a merged board may hold more than the limit;
 * every tablet then counts the same ones: each voter's earliest, ties broken by item id.
 */

/** `<item>:<voter>` split at the first ':' (voter keys may contain more), or null. */
function parseVoteKey(key: string): { item: string; voter: string } | null {
	const at = key.indexOf(':');
	if (at <= 0 || at === key.length - 1) return null;
	return { item: key.slice(0, at), voter: key.slice(at + 1) };
}

/** Whether a stored value is a vote: the time it was cast, a positive number. */
function isVote(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Each voter's counted votes: the earliest `limit` (all without a limit) of the votes in
 * `entries` whose item `counts` (e.g. a note that still exists).
 */
export function earliestVotes(entries: Iterable<[string, unknown]>, counts: (item: string) => boolean, limit?: number): Map<string, string[]> {
	const byVoter = new Map<string, { item: string; at: number }[]>();
	for (const [key, at] of entries) {
		const parsed = parseVoteKey(key);
		if (!parsed || !isVote(at) || !counts(parsed.item)) continue;
		const list = byVoter.get(parsed.voter);
		if (list) list.push({ item: parsed.item, at });
		else byVoter.set(parsed.voter, [{ item: parsed.item, at }]);
	}
	const counted = new Map<string, string[]>();
	for (const [voter, list] of byVoter) {
		list.sort((a, b) => a.at - b.at || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
		counted.set(voter, (limit === undefined ? list : list.slice(0, Math.max(0, limit))).map((v) => v.item));
	}
	return counted;
}
