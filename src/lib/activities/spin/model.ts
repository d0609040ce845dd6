/**
 * The SPIN role-play's shared document: what the group logs live, as typed reads and named
 * operations over the Y types. Roles and the hidden brief are never here (they are SQL records).
 *
 * Layout of the document:
 * - `questions`: Y.Map<Y.Map> by random id: `round`, `type` (S/P/I/N), `text`, `at`, `author`.
 * - `objections`: Y.Map<Y.Map> by random id: `round`, `text`, `handling`, `handled`, `at`, `author`.
 * - `notes`: Y.Map<Y.Map> by random id: the observer's notes: `round`, `text`, `at`, `author`.
 * - `signals`: `roles`, a time stamp bumped when roles change, so other tablets reload them.
 * - `rounds`: Y.Map of flat keys `<round>.<field>`: `nextStep` (agreed/declined), `timerStartedAt`,
 *   `scenarioKey` and `salesperson` (the name, for the debrief).
 *
 * Entries live in maps keyed by random ids, so what two observers log at once is all kept; reads
 * sort by time then id, so every peer shows the same order. Any client may write anything, so
 * every read validates and skips garbage.
 */
import * as Y from 'yjs';
import { QUESTION_TYPES, type QuestionType } from './types';

/** The highest round number the document accepts (as the server). */
export const MAX_ROUND = 8;
/** Longest question, objection, handling or note text, in characters. */
export const MAX_TEXT = 300;
/** Longest author name or card key kept. */
export const MAX_NAME = 80;

/** What the customer said about a next step at the end of a round. */
export type NextStep = 'agreed' | 'declined' | null;

type Base = { id: string; round: number; at: number; author: string };
/** One logged question. */
export type Question = Base & { type: QuestionType; text: string };
/** One objection the customer raised, and how the salesperson handled it. */
export type Objection = Base & { text: string; handling: string; handled: boolean };
/** One observer note. */
export type Note = Base & { text: string };
/** The per-round facts kept in the document. */
export type RoundMeta = { nextStep: NextStep; timerStartedAt: number | null; scenarioKey: string; salesperson: string };

type Entry = Y.Map<unknown>;
type Kind = 'questions' | 'objections' | 'notes';

/** Whether a value is a valid round number. */
export function isRound(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ROUND;
}

/** Whether a value is one of S, P, I, N. */
export function isQuestionType(value: unknown): value is QuestionType {
	return typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);
}

/** Trims a text; null when longer than MAX_TEXT, or empty unless allowed. */
export function cleanText(value: unknown, allowEmpty = false): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length > MAX_TEXT || (!text && !allowEmpty)) return null;
	return text;
}

function cleanName(value: unknown): string {
	return typeof value === 'string' ? value.trim().slice(0, MAX_NAME) : '';
}

function newId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

function entries(doc: Y.Doc, kind: Kind): Y.Map<Entry> {
	return doc.getMap<Entry>(kind);
}

function entryAt(doc: Y.Doc, kind: Kind, id: unknown): Entry | null {
	if (typeof id !== 'string' || !id) return null;
	const entry = entries(doc, kind).get(id);
	return entry instanceof Y.Map ? entry : null;
}

/** Adds an entry with its common fields plus `fields`; returns its id. */
function addEntry(doc: Y.Doc, kind: Kind, round: number, author: string, fields: Record<string, unknown>, now: number): string {
	const id = newId();
	doc.transact(() => {
		const entry: Entry = new Y.Map();
		entry.set('round', round);
		entry.set('at', now);
		entry.set('author', cleanName(author));
		for (const [key, value] of Object.entries(fields)) entry.set(key, value);
		entries(doc, kind).set(id, entry);
	});
	return id;
}

/** Logs one question of `type` in `round`, with an optional short text; its id, or null when invalid. */
export function logQuestion(doc: Y.Doc, round: number, type: QuestionType, text = '', author = '', now = Date.now()): string | null {
	const clean = cleanText(text, true);
	if (!isRound(round) || !isQuestionType(type) || clean === null) return null;
	return addEntry(doc, 'questions', round, author, { type, text: clean }, now);
}

/** Changes the type of a logged question (a misclassification). */
export function retypeQuestion(doc: Y.Doc, id: string, type: QuestionType): boolean {
	const entry = entryAt(doc, 'questions', id);
	if (!entry || !isQuestionType(type)) return false;
	if (entry.get('type') !== type) entry.set('type', type);
	return true;
}

/** Records an objection the customer raised; its id, or null when invalid. */
export function addObjection(doc: Y.Doc, round: number, text: string, author = '', now = Date.now()): string | null {
	const clean = cleanText(text);
	if (!isRound(round) || clean === null) return null;
	return addEntry(doc, 'objections', round, author, { text: clean, handling: '', handled: false }, now);
}

/** Notes how an objection was handled (empty clears it). */
export function setHandling(doc: Y.Doc, id: string, handling: string): boolean {
	const entry = entryAt(doc, 'objections', id);
	const clean = cleanText(handling, true);
	if (!entry || clean === null) return false;
	if (entry.get('handling') !== clean) entry.set('handling', clean);
	return true;
}

/** Marks an objection as overcome, or not. */
export function setHandled(doc: Y.Doc, id: string, handled: boolean): boolean {
	const entry = entryAt(doc, 'objections', id);
	if (!entry || typeof handled !== 'boolean') return false;
	if (entry.get('handled') !== handled) entry.set('handled', handled);
	return true;
}

/** Adds an observer note; its id, or null when invalid. */
export function addNote(doc: Y.Doc, round: number, text: string, author = '', now = Date.now()): string | null {
	const clean = cleanText(text);
	if (!isRound(round) || clean === null) return null;
	return addEntry(doc, 'notes', round, author, { text: clean }, now);
}

/** Deletes a question, objection or note. */
export function removeEntry(doc: Y.Doc, kind: Kind, id: string): boolean {
	if (!entryAt(doc, kind, id)) return false;
	entries(doc, kind).delete(id);
	return true;
}

/**
 * Round facts are flat keys `<round>.<field>` of one map: two tablets writing different facts of
 * a new round at once must not each create a nested map, or one would replace the other.
 */
function roundsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>('rounds');
}

const ROUND_FIELDS = ['nextStep', 'timerStartedAt', 'scenarioKey', 'salesperson'] as const;
type RoundField = (typeof ROUND_FIELDS)[number];

function setField(doc: Y.Doc, round: number, field: RoundField, value: unknown): void {
	const map = roundsMap(doc);
	const key = `${round}.${field}`;
	if (value === null) {
		if (map.has(key)) map.delete(key);
	} else if (map.get(key) !== value) {
		map.set(key, value);
	}
}

/** Records whether the customer agreed to a next step (null clears it). */
export function setNextStep(doc: Y.Doc, round: number, value: NextStep): boolean {
	if (!isRound(round) || (value !== null && value !== 'agreed' && value !== 'declined')) return false;
	setField(doc, round, 'nextStep', value);
	return true;
}

/** Starts the round's shared timer at `startedAt` (a restart moves it); null stops it. */
export function setTimer(doc: Y.Doc, round: number, startedAt: number | null): boolean {
	if (!isRound(round) || (startedAt !== null && !Number.isFinite(startedAt))) return false;
	setField(doc, round, 'timerStartedAt', startedAt);
	return true;
}

/** Stores the round's card and salesperson for the debrief. */
export function setRoundInfo(doc: Y.Doc, round: number, scenarioKey: string, salesperson: string): boolean {
	if (!isRound(round)) return false;
	doc.transact(() => {
		setField(doc, round, 'scenarioKey', cleanName(scenarioKey));
		setField(doc, round, 'salesperson', cleanName(salesperson));
	});
	return true;
}

function finite(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function readBase(id: string, raw: Entry): Base | null {
	const round = raw.get('round');
	if (!isRound(round)) return null;
	return { id, round, at: finite(raw.get('at')), author: cleanName(raw.get('author')) };
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : '';
}

function byTime(a: Base, b: Base): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function readAll<T extends Base>(doc: Y.Doc, kind: Kind, read: (base: Base, raw: Entry) => T | null): T[] {
	const list: T[] = [];
	for (const [id, raw] of entries(doc, kind).entries()) {
		if (!(raw instanceof Y.Map)) continue;
		const base = readBase(id, raw);
		const item = base && read(base, raw);
		if (item) list.push(item);
	}
	return list.sort(byTime);
}

/** Every valid question, oldest first. */
export function questions(doc: Y.Doc): Question[] {
	return readAll(doc, 'questions', (base, raw) => {
		const type = raw.get('type');
		return isQuestionType(type) ? { ...base, type, text: text(raw.get('text')) } : null;
	});
}

/** Every valid objection, oldest first. */
export function objections(doc: Y.Doc): Objection[] {
	return readAll(doc, 'objections', (base, raw) => {
		const body = text(raw.get('text'));
		return body ? { ...base, text: body, handling: text(raw.get('handling')), handled: raw.get('handled') === true } : null;
	});
}

/** Every valid note, oldest first. */
export function notes(doc: Y.Doc): Note[] {
	return readAll(doc, 'notes', (base, raw) => {
		const body = text(raw.get('text'));
		return body ? { ...base, text: body } : null;
	});
}

/** The per-round facts, by round number. */
export function roundInfo(doc: Y.Doc): Map<number, RoundMeta> {
	const raw = new Map<number, Partial<Record<RoundField, unknown>>>();
	for (const [key, value] of roundsMap(doc).entries()) {
		const dot = key.indexOf('.');
		const round = Number(key.slice(0, dot));
		const field = key.slice(dot + 1) as RoundField;
		if (dot < 1 || !isRound(round) || String(round) !== key.slice(0, dot) || !ROUND_FIELDS.includes(field)) continue;
		raw.set(round, { ...raw.get(round), [field]: value });
	}
	const result = new Map<number, RoundMeta>();
	for (const [round, r] of raw) {
		result.set(round, {
			nextStep: r.nextStep === 'agreed' || r.nextStep === 'declined' ? r.nextStep : null,
			timerStartedAt: typeof r.timerStartedAt === 'number' && Number.isFinite(r.timerStartedAt) ? r.timerStartedAt : null,
			scenarioKey: cleanName(r.scenarioKey),
			salesperson: cleanName(r.salesperson)
		});
	}
	return result;
}

/**
 * A hint that the group's roles or card changed (the records themselves are on the server):
 * tablets that see it change ask the server again instead of waiting for their next poll.
 */
export function signalRoles(doc: Y.Doc, now = Date.now()): void {
	doc.getMap<unknown>('signals').set('roles', now);
}

/** The last roles hint, 0 when none (or garbage). */
export function rolesSignal(doc: Y.Doc): number {
	const value = doc.getMap<unknown>('signals').get('roles');
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
