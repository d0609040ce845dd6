/**
 * The PEST board's shared document: typed reads and named operations over the Y types.
 *
 * Layout of the document:
 * - `notes`: Y.Map<Y.Map> keyed by a random id; each note map holds `quadrant`, `text`, `kind`,
 *   `countermeasure`, `weight`, `author`, `createdAt` and `order`.
 * - `votes`: Y.Map<number> keyed `${noteId}:${voterKey}`.
 *
 * Any client may write anything into the document, so every read validates what it finds and
 * skips or neutralises garbage instead of trusting it.
 */
import * as Y from 'yjs';
import type { Localized } from '../types';
import { earliestVotes } from '../votes';

/** The four quadrants, in board order. */
export const QUADRANTS = ['P', 'E', 'S', 'T'] as const;
/** One quadrant key. */
export type Quadrant = (typeof QUADRANTS)[number];
/** What a note says about the market: a chance to take, a risk to meet, or not decided yet. */
export type NoteKind = 'opportunity' | 'threat' | null;

/** Longest note or countermeasure text, in characters. */
export const MAX_TEXT = 500;
/** Longest author name kept on a note. */
export const MAX_AUTHOR = 80;
/** Upper bound for any weight scale a definition may ask for. */
export const MAX_WEIGHT_SCALE = 10;

/** A note as read from the document, validated. */
export interface Note {
	id: string;
	quadrant: Quadrant;
	text: string;
	kind: NoteKind;
	countermeasure: string;
	/** 1..weight scale, or undefined when not set. */
	weight: number | undefined;
	author: string;
	createdAt: number;
	order: number;
	/** Votes cast for this note. */
	votes: number;
}

/** Notes grouped by quadrant, each list in display order. */
export type NotesByQuadrant = Record<Quadrant, Note[]>;

/** The outcome of a vote toggle. */
export type VoteResult = 'added' | 'removed' | 'limit' | 'invalid';

type NoteMap = Y.Map<unknown>;

/** The map of all notes in a document. */
export function notesMap(doc: Y.Doc): Y.Map<NoteMap> {
	return doc.getMap<NoteMap>('notes');
}

/** The map of all votes in a document. */
export function votesMap(doc: Y.Doc): Y.Map<number> {
	return doc.getMap<number>('votes');
}

/** Whether a value is one of the four quadrant keys. */
export function isQuadrant(value: unknown): value is Quadrant {
	return typeof value === 'string' && (QUADRANTS as readonly string[]).includes(value);
}

/** Trims a user text; null when it is empty (unless allowed) or longer than MAX_TEXT. */
export function cleanText(value: unknown, allowEmpty = false): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length > MAX_TEXT) return null;
	if (!text && !allowEmpty) return null;
	return text;
}

function cleanScale(scale: number): number {
	return Number.isInteger(scale) && scale >= 1 ? Math.min(scale, MAX_WEIGHT_SCALE) : MAX_WEIGHT_SCALE;
}

/** A new random note id: URL-safe, without ':' (vote keys are split on the first ':'). */
function newId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

function noteAt(doc: Y.Doc, id: unknown): NoteMap | null {
	if (typeof id !== 'string' || !id) return null;
	const note = notesMap(doc).get(id);
	return note instanceof Y.Map ? note : null;
}

/** The order value that puts a note after every note already in `quadrant`. */
function nextOrder(doc: Y.Doc, quadrant: Quadrant): number {
	let max = 0;
	for (const note of notesMap(doc).values()) {
		if (!(note instanceof Y.Map) || note.get('quadrant') !== quadrant) continue;
		const order = note.get('order');
		if (typeof order === 'number' && Number.isFinite(order)) max = Math.max(max, order);
	}
	return max + 1;
}

/** Adds a note; returns its id, or null when the input is invalid. */
export function addNote(
	doc: Y.Doc,
	input: { quadrant: Quadrant; text: string; author?: string; kind?: NoteKind }
): string | null {
	if (!isQuadrant(input.quadrant)) return null;
	const text = cleanText(input.text);
	if (text === null) return null;
	const kind = input.kind === 'opportunity' || input.kind === 'threat' ? input.kind : null;
	const author = typeof input.author === 'string' ? input.author.trim().slice(0, MAX_AUTHOR) : '';
	const id = newId();
	doc.transact(() => {
		const note: NoteMap = new Y.Map();
		note.set('quadrant', input.quadrant);
		note.set('text', text);
		note.set('kind', kind);
		note.set('countermeasure', '');
		note.set('author', author);
		note.set('createdAt', Date.now());
		note.set('order', nextOrder(doc, input.quadrant));
		notesMap(doc).set(id, note);
	});
	return id;
}

/** Replaces a note's text; false when the note is missing or the text invalid. */
export function editText(doc: Y.Doc, id: string, text: string): boolean {
	const note = noteAt(doc, id);
	const clean = cleanText(text);
	if (!note || clean === null) return false;
	if (note.get('text') !== clean) note.set('text', clean);
	return true;
}

/** Moves a note to the end of another quadrant. */
export function moveNote(doc: Y.Doc, id: string, quadrant: Quadrant): boolean {
	const note = noteAt(doc, id);
	if (!note || !isQuadrant(quadrant)) return false;
	if (note.get('quadrant') === quadrant) return true;
	doc.transact(() => {
		note.set('order', nextOrder(doc, quadrant));
		note.set('quadrant', quadrant);
	});
	return true;
}

/** Deletes a note and the votes cast for it. */
export function deleteNote(doc: Y.Doc, id: string): boolean {
	if (!noteAt(doc, id)) return false;
	doc.transact(() => {
		notesMap(doc).delete(id);
		const votes = votesMap(doc);
		for (const key of Array.from(votes.keys())) {
			if (key.startsWith(`${id}:`)) votes.delete(key);
		}
	});
	return true;
}

/** Marks a note as an opportunity or a threat, or clears the mark with null. */
export function setKind(doc: Y.Doc, id: string, kind: NoteKind): boolean {
	const note = noteAt(doc, id);
	if (!note || (kind !== null && kind !== 'opportunity' && kind !== 'threat')) return false;
	if (note.get('kind') !== kind) note.set('kind', kind);
	return true;
}

/** Sets a note's countermeasure; an empty text clears it. */
export function setCountermeasure(doc: Y.Doc, id: string, text: string): boolean {
	const note = noteAt(doc, id);
	const clean = cleanText(text, true);
	if (!note || clean === null) return false;
	if (note.get('countermeasure') !== clean) note.set('countermeasure', clean);
	return true;
}

/** Sets a note's impact weight (an integer 1..scale), or clears it with null. */
export function setWeight(doc: Y.Doc, id: string, weight: number | null, scale: number): boolean {
	const note = noteAt(doc, id);
	if (!note) return false;
	if (weight === null) {
		note.delete('weight');
		return true;
	}
	if (!Number.isInteger(weight) || weight < 1 || weight > cleanScale(scale)) return false;
	if (note.get('weight') !== weight) note.set('weight', weight);
	return true;
}

/**
 * The counted votes of every voter: their earliest `limit` votes on live notes (every vote when
 * no limit is given). Boards from before votes had times stored 1: the earliest. Two tablets of
 * the same learner, each within the limit while apart, merge into more votes than the limit:
 * only the first ones count, the same on every tablet.
 */
function countedVotes(doc: Y.Doc, limit?: number): Map<string, string[]> {
	return earliestVotes(votesMap(doc).entries(), (id) => noteAt(doc, id) !== null, limit);
}

/**
 * Casts or withdraws `voterKey`'s vote for a note. A voter has at most `limit` votes on live
 * notes; votes for deleted notes do not count.
 */
export function toggleVote(doc: Y.Doc, noteId: string, voterKey: string, limit: number, now = Date.now()): VoteResult {
	if (!noteAt(doc, noteId) || typeof voterKey !== 'string' || !voterKey) return 'invalid';
	const votes = votesMap(doc);
	const key = `${noteId}:${voterKey}`;
	// Withdrawing also clears a vote beyond the limit (cast on another tablet meanwhile), which
	// did not count.
	if (votes.has(key)) {
		votes.delete(key);
		return 'removed';
	}
	if ((countedVotes(doc, limit).get(voterKey)?.length ?? 0) >= limit) return 'limit';
	votes.set(key, Math.max(1, now));
	return 'added';
}

/**
 * The ids of the live notes `voterKey` has voted for, counted as `countedVotes` does, so "votes
 * left", the limit and the totals always agree.
 */
export function votesOf(doc: Y.Doc, voterKey: string, limit?: number): Set<string> {
	return new Set(countedVotes(doc, limit).get(voterKey) ?? []);
}

function voteCounts(doc: Y.Doc, limit?: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (const ids of countedVotes(doc, limit).values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

function finite(value: unknown, fallback = 0): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Reads and validates one note; null when it is unusable. */
function readNote(id: string, raw: unknown, scale: number, votes: Map<string, number>): Note | null {
	if (!(raw instanceof Y.Map)) return null;
	const quadrant = raw.get('quadrant');
	const text = raw.get('text');
	if (!isQuadrant(quadrant) || typeof text !== 'string') return null;
	const trimmed = text.trim().slice(0, MAX_TEXT);
	if (!trimmed) return null;
	const kind = raw.get('kind');
	const countermeasure = raw.get('countermeasure');
	const weight = raw.get('weight');
	const author = raw.get('author');
	return {
		id,
		quadrant,
		text: trimmed,
		kind: kind === 'opportunity' || kind === 'threat' ? kind : null,
		countermeasure: typeof countermeasure === 'string' ? countermeasure.trim().slice(0, MAX_TEXT) : '',
		weight: Number.isInteger(weight) && (weight as number) >= 1 && (weight as number) <= scale ? (weight as number) : undefined,
		author: typeof author === 'string' ? author.slice(0, MAX_AUTHOR) : '',
		createdAt: finite(raw.get('createdAt')),
		order: finite(raw.get('order')),
		votes: votes.get(id) ?? 0
	};
}

/** Display order inside a quadrant; deterministic so every peer shows the same board. */
function byOrder(a: Note, b: Note): number {
	return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every valid note, grouped by quadrant and sorted for display; votes counted within `voteLimit` per voter. */
export function notesByQuadrant(doc: Y.Doc, weightScale = MAX_WEIGHT_SCALE, voteLimit?: number): NotesByQuadrant {
	const scale = cleanScale(weightScale);
	const votes = voteCounts(doc, voteLimit);
	const result: NotesByQuadrant = { P: [], E: [], S: [], T: [] };
	for (const [id, raw] of notesMap(doc).entries()) {
		const note = readNote(id, raw, scale, votes);
		if (note) result[note.quadrant].push(note);
	}
	for (const quadrant of QUADRANTS) result[quadrant].sort(byOrder);
	return result;
}

/**
 * The board's outcome: every note marked as an opportunity, with its countermeasure, heaviest
 * first, then most voted, then in board order.
 */
export function outcomes(doc: Y.Doc, weightScale = MAX_WEIGHT_SCALE, voteLimit?: number): Note[] {
	return rankOpportunities(notesByQuadrant(doc, weightScale, voteLimit));
}

/** The ranking behind `outcomes`, for callers that already hold the grouped notes. */
export function rankOpportunities(grouped: NotesByQuadrant): Note[] {
	const list = QUADRANTS.flatMap((q) => grouped[q]).filter((n) => n.kind === 'opportunity');
	const boardOrder = new Map(list.map((n, i) => [n.id, i]));
	return list.sort(
		(a, b) =>
			(b.weight ?? 0) - (a.weight ?? 0) ||
			b.votes - a.votes ||
			boardOrder.get(a.id)! - boardOrder.get(b.id)!
	);
}

/** A board definition after validation: every quadrant present, numbers in range. */
export interface PestDefinition {
	/** Title and prompt per quadrant; null where the definition gave none. */
	quadrants: Record<Quadrant, { title: Localized | null; prompt: Localized | null }>;
	votesPerParticipant: number;
	weightScale: number;
}

function localized(value: unknown): Localized | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	const zh = typeof v['zh-CN'] === 'string' ? v['zh-CN'] : '';
	const en = typeof v.en === 'string' ? v.en : '';
	if (!zh && !en) return null;
	return { 'zh-CN': zh || en, en: en || zh };
}

/** Reads a PEST board definition defensively; missing parts fall back to defaults. */
export function readDefinition(def: unknown): PestDefinition {
	const d = (def && typeof def === 'object' ? def : {}) as Record<string, unknown>;
	const quadrants = {} as PestDefinition['quadrants'];
	for (const key of QUADRANTS) quadrants[key] = { title: null, prompt: null };
	if (Array.isArray(d.quadrants)) {
		for (const q of d.quadrants as unknown[]) {
			if (!q || typeof q !== 'object') continue;
			const { key, title, prompt } = q as Record<string, unknown>;
			if (isQuadrant(key)) quadrants[key] = { title: localized(title), prompt: localized(prompt) };
		}
	}
	const votes = d.votes_per_participant;
	const scale = d.weight_scale;
	return {
		quadrants,
		votesPerParticipant: Number.isInteger(votes) && (votes as number) >= 0 ? Math.min(votes as number, 100) : 3,
		weightScale: Number.isInteger(scale) && (scale as number) >= 1 ? cleanScale(scale as number) : 5
	};
}
