/**
 * Dot voting on countermeasures and the group's ranked short-list (the "five measures").
 *
 * A measure is a cause or sub-cause with a countermeasure. Votes are `votes` entries keyed
 * `${causeId}:${voterKey}` whose value is the time of the vote; the short-list is `picks`, cause id
 * → place. Both are read so that every peer sees the same result after any merge: a voter's
 * earliest `limit` votes count and later ones are ignored, so the limit holds even when one person
 * voted on two devices at once; the short-list is sorted by place then id and cut at its length.
 */
import * as Y from 'yjs';
import { earliestVotes } from '../votes';
import { flatten, type Cause } from './model';

/** The outcome of a vote toggle. */
export type VoteResult = 'added' | 'removed' | 'limit' | 'invalid';
/** The outcome of putting a measure on the short-list. */
export type PickResult = 'added' | 'already' | 'full' | 'invalid';

/** Longest voter key accepted. */
const MAX_VOTER = 100;

/** A countermeasure that can be voted on and ranked. */
export interface Measure {
	/** The id of the cause it answers. */
	id: string;
	bone: string;
	/** The cause it answers. */
	cause: string;
	/** For a sub-cause, the cause it explains; otherwise null. */
	parentCause: string | null;
	countermeasure: string;
	votes: number;
}

/** Votes, the short-list and this voter's own votes, as every peer reads them. */
export interface MeasuresState {
	/** Every measure, most voted first, then in board order. */
	ranked: Measure[];
	/** The group's short-list, in its order, at most `top` long. */
	shortlist: Measure[];
	/** The ids this voter's counted votes went to. */
	mine: Set<string>;
}

/** The map of all votes in a document. */
export function votesMap(doc: Y.Doc): Y.Map<number> {
	return doc.getMap<number>('votes');
}

/** The map of the short-list's places in a document. */
export function picksMap(doc: Y.Doc): Y.Map<number> {
	return doc.getMap<number>('picks');
}

/** The voter key of a participant, or of the facilitator when `participantId` is null. */
export function voterKey(participantId: string | null): string {
	return participantId ? `p:${participantId}` : 'facilitator';
}

/** The counted votes of every voter: their earliest `limit` votes on live measures. */
function countedVotes(doc: Y.Doc, eligible: ReadonlySet<string>, limit: number): Map<string, string[]> {
	return earliestVotes(votesMap(doc).entries(), (id) => eligible.has(id), limit);
}

/** The measures among `causes`, in board order, without votes. */
function measuresOf(causes: readonly Cause[]): Measure[] {
	const text = new Map(causes.map((c) => [c.id, c.text]));
	return flatten(causes)
		.filter((c) => c.countermeasure)
		.map((c) => ({
			id: c.id,
			bone: c.bone,
			cause: c.text,
			parentCause: c.parent ? (text.get(c.parent) ?? null) : null,
			countermeasure: c.countermeasure,
			votes: 0
		}));
}

/** The short-list's ids in order (valid entries only, uncut), for reading and rewriting. */
function pickedIds(doc: Y.Doc, eligible: ReadonlySet<string>): string[] {
	const entries: [string, number][] = [];
	for (const [id, place] of picksMap(doc).entries()) {
		if (eligible.has(id) && typeof place === 'number' && Number.isFinite(place)) entries.push([id, place]);
	}
	entries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return entries.map(([id]) => id);
}

/** Reads votes and the short-list of a board whose causes are `causes`. */
export function readMeasures(
	doc: Y.Doc,
	causes: readonly Cause[],
	opts: { limit: number; top: number; voter?: string }
): MeasuresState {
	const board = measuresOf(causes);
	const eligible = new Set(board.map((m) => m.id));
	const counted = countedVotes(doc, eligible, opts.limit);
	const counts = new Map<string, number>();
	for (const ids of counted.values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	const withVotes = board.map((m, index) => ({ ...m, votes: counts.get(m.id) ?? 0, index }));
	const ranked = [...withVotes].sort((a, b) => b.votes - a.votes || a.index - b.index).map(({ index: _, ...m }) => m);
	const byId = new Map(ranked.map((m) => [m.id, m]));
	const shortlist = pickedIds(doc, eligible)
		.slice(0, opts.top)
		.map((id) => byId.get(id)!);
	return { ranked, shortlist, mine: new Set(opts.voter ? (counted.get(opts.voter) ?? []) : []) };
}

/** Casts or withdraws `voter`'s vote for a measure, within `limit` counted votes per voter. */
export function toggleVote(doc: Y.Doc, causes: readonly Cause[], id: string, voter: string, limit: number): VoteResult {
	const eligible = new Set(measuresOf(causes).map((m) => m.id));
	if (!eligible.has(id) || typeof voter !== 'string' || !voter || voter.length > MAX_VOTER) return 'invalid';
	const votes = votesMap(doc);
	const key = `${id}:${voter}`;
	if (votes.has(key)) {
		votes.delete(key);
		return 'removed';
	}
	const used = countedVotes(doc, eligible, limit).get(voter)?.length ?? 0;
	if (used >= limit) return 'limit';
	votes.set(key, Date.now());
	return 'added';
}

/** Writes `ids` as the short-list, places 1, 2, 3 …, and drops any other entry. */
function writeShortlist(doc: Y.Doc, ids: readonly string[]): void {
	const picks = picksMap(doc);
	doc.transact(() => {
		for (const key of Array.from(picks.keys())) if (!ids.includes(key)) picks.delete(key);
		ids.forEach((id, i) => {
			if (picks.get(id) !== i + 1) picks.set(id, i + 1);
		});
	});
}

/** Puts a measure at the end of the short-list, unless the list already holds `top` measures. */
export function pickMeasure(doc: Y.Doc, causes: readonly Cause[], id: string, top: number): PickResult {
	const eligible = new Set(measuresOf(causes).map((m) => m.id));
	if (!eligible.has(id)) return 'invalid';
	const ids = pickedIds(doc, eligible).slice(0, top);
	if (ids.includes(id)) return 'already';
	if (ids.length >= top) return 'full';
	writeShortlist(doc, [...ids, id]);
	return 'added';
}

/**
 * Takes a measure off the short-list. The list is written again as it was shown, less `id`: two
 * tablets picking the last place at once store one measure too many, which the list hides (it
 * shows `top`); it must not step in unasked when a place frees up.
 */
export function unpickMeasure(doc: Y.Doc, causes: readonly Cause[], id: string, top: number): boolean {
	if (!picksMap(doc).has(id)) return false;
	const eligible = new Set(measuresOf(causes).map((m) => m.id));
	writeShortlist(doc, pickedIds(doc, eligible).slice(0, top).filter((other) => other !== id));
	return true;
}

/** Moves a measure one place up (-1) or down (+1) in the short-list. */
export function moveMeasure(doc: Y.Doc, causes: readonly Cause[], id: string, delta: -1 | 1, top: number): boolean {
	const eligible = new Set(measuresOf(causes).map((m) => m.id));
	const ids = pickedIds(doc, eligible).slice(0, top);
	const from = ids.indexOf(id);
	const to = from + delta;
	if (from < 0 || to < 0 || to >= ids.length) return false;
	[ids[from], ids[to]] = [ids[to], ids[from]];
	writeShortlist(doc, ids);
	return true;
}

/** Fills the short-list up to `top` with the most voted measures not on it yet; returns how many. */
export function fillFromVotes(doc: Y.Doc, causes: readonly Cause[], limit: number, top: number): number {
	const { ranked, shortlist } = readMeasures(doc, causes, { limit, top });
	const ids = shortlist.map((m) => m.id);
	let added = 0;
	for (const measure of ranked) {
		if (ids.length >= top || measure.votes === 0) break;
		if (ids.includes(measure.id)) continue;
		ids.push(measure.id);
		added++;
	}
	if (added > 0) writeShortlist(doc, ids);
	return added;
}
