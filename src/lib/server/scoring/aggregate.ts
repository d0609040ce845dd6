import type { Rubric } from '../../exercises/schema';

// Pure arithmetic of the leaderboard, kept free of the database so it can be reasoned about
// (and tested) on its own.

/** The part of a score row the arithmetic needs. */
export type ScoreLike = { groupId: string; scorerKind: 'facilitator' | 'group'; marks: Record<string, number> };

/** Where a group's final score comes from. */
export type Basis = 'both' | 'facilitator' | 'peer' | 'none';

/** One group's result in one activity. */
export type GroupResult = {
	groupId: string;
	/** The final score on the rubric's scale, rounded to 2 decimals; null when nobody scored. */
	final: number | null;
	/** The facilitator's weighted average, when the facilitator scored. */
	facilitator: number | null;
	/** The weighted average of the mean peer marks, when peers scored (and count). */
	peer: number | null;
	peerCount: number;
	basis: Basis;
	/** Per criterion: the combined mark (facilitator and mean peer mark mixed by peer_weight). */
	criteria: Record<string, number | null>;
	/** 1 for the best; equal finals share a rank (1, 1, 3); null when unscored. */
	rank: number | null;
};

/** Rounds to `digits` decimals, half away from zero, without binary surprises (2.675 → 2.68). */
export function round(x: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round((x + Math.sign(x) * Number.EPSILON * Math.max(1, Math.abs(x))) * f) / f;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function weighted(rubric: Rubric, value: (key: string) => number | null): number | null {
	let sum = 0;
	let weights = 0;
	for (const c of rubric.criteria) {
		const v = value(c.key);
		if (v === null) continue;
		sum += c.weight * v;
		weights += c.weight;
	}
	return weights > 0 ? sum / weights : null;
}

/** Competition ranking on the rounded values: equal values share a rank, the next skips. */
export function rankBy<T>(items: T[], value: (item: T) => number | null): Map<T, number | null> {
	const ranked = items.filter((i) => value(i) !== null).sort((a, b) => value(b)! - value(a)!);
	const ranks = new Map<T, number | null>(items.map((i) => [i, null]));
	ranked.forEach((item, i) => {
		const prev = ranked[i - 1];
		ranks.set(item, prev !== undefined && value(prev) === value(item) ? ranks.get(prev)! : i + 1);
	});
	return ranks;
}

/**
 * The results of one activity. Per criterion, the facilitator's mark and the mean of the peer
 * marks are mixed as (1 − peer_weight) · facilitator + peer_weight · peers; the final score is
 * the weighted average of the criteria. Without peer scores the facilitator's marks stand
 * alone; without the facilitator's, the peers' do (basis tells which). Sorted best first,
 * unscored groups last in their given order.
 */
export function aggregate(rubric: Rubric, groupIds: string[], scores: ScoreLike[]): GroupResult[] {
	const w = rubric.peer_weight;
	const results = groupIds.map((groupId): GroupResult => {
		const mine = scores.filter((s) => s.groupId === groupId);
		const fac = mine.find((s) => s.scorerKind === 'facilitator') ?? null;
		const peers = w > 0 ? mine.filter((s) => s.scorerKind === 'group') : [];
		const facMark = (key: string) => (fac && typeof fac.marks[key] === 'number' ? fac.marks[key] : null);
		const peerMark = (key: string) => mean(peers.map((s) => s.marks[key]).filter((x): x is number => typeof x === 'number'));
		const criteria: Record<string, number | null> = {};
		for (const c of rubric.criteria) {
			const f = facMark(c.key);
			const p = peerMark(c.key);
			criteria[c.key] = f !== null && p !== null ? (1 - w) * f + w * p : (f ?? p);
		}
		const final = weighted(rubric, (k) => criteria[k]);
		const facilitator = weighted(rubric, facMark);
		const peer = weighted(rubric, peerMark);
		const basis: Basis = facilitator !== null && peer !== null ? 'both' : facilitator !== null ? 'facilitator' : peer !== null ? 'peer' : 'none';
		return {
			groupId,
			final: final === null ? null : round(final),
			facilitator: facilitator === null ? null : round(facilitator),
			peer: peer === null ? null : round(peer),
			peerCount: peers.length,
			basis,
			criteria: Object.fromEntries(Object.entries(criteria).map(([k, v]) => [k, v === null ? null : round(v)])),
			rank: null
		};
	});
	const ranks = rankBy(results, (r) => r.final);
	for (const r of results) r.rank = ranks.get(r) ?? null;
	return sortByRank(results);
}

/** Best first; unscored last, keeping their order. */
export function sortByRank<T extends { rank: number | null }>(items: T[]): T[] {
	return items
		.map((item, i) => ({ item, i }))
		.sort((a, b) => (a.item.rank ?? Infinity) - (b.item.rank ?? Infinity) || a.i - b.i)
		.map((x) => x.item);
}

/** A final score as points out of 100 on its scale: (final − min) / (max − min) · 100, 1 decimal. */
export function points(rubric: Rubric, final: number): number {
	const { min, max } = rubric.scale;
	return round(((final - min) / (max - min)) * 100, 1);
}

/** One group's standing across the workshop. */
export type WorkshopResult = {
	groupId: string;
	/** Sum of the points of the activities counted; null when none scored the group. */
	total: number | null;
	/** Points per activity id (null where the group was not scored). */
	byActivity: Record<string, number | null>;
	rank: number | null;
};

/**
 * The workshop ranking: each activity's final score becomes points out of 100 (so activities
 * with different scales weigh the same) and a group's total is their sum, like a contest's
 * cumulative board. A group not scored in an activity earns nothing there.
 */
export function workshopTotals(groupIds: string[], activities: { id: string; rubric: Rubric; results: GroupResult[] }[]): WorkshopResult[] {
	const results = groupIds.map((groupId): WorkshopResult => {
		const byActivity: Record<string, number | null> = {};
		let total: number | null = null;
		for (const a of activities) {
			const r = a.results.find((x) => x.groupId === groupId);
			const p = r && r.final !== null ? points(a.rubric, r.final) : null;
			byActivity[a.id] = p;
			if (p !== null) total = round((total ?? 0) + p, 1);
		}
		return { groupId, total, byActivity, rank: null };
	});
	const ranks = rankBy(results, (r) => r.total);
	for (const r of results) r.rank = ranks.get(r) ?? null;
	return sortByRank(results);
}
