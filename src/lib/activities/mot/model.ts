/**
 * The moments-of-truth board's shared document: typed reads and named operations over the Y types.
 *
 * Layout of the document:
 * - `mot`: Y.Map with `tool` (the chosen tool's key, variant `tools`) and `customer` (text).
 * - `answers`: Y.Map<string> keyed `${subject}:${question index}`; the subject is `tool` in the
 *   tools variant (one tool per group) and a scene's key in the 651 variant.
 * - `points`: Y.Map<Y.Map> of the group's own touchpoints (variant `tools`), keyed by a random id,
 *   each with `label`, `order` and `createdAt`. In the 651 variant the scenes are the journey.
 * - `ratings`: Y.Map<number>, point key → how the customer feels there, within the curve's range.
 * - `goals`: Y.Map<number>, point key → the rating the group aims for with its new standard.
 * - `standards`: Y.Map<string> keyed by point key, or `${point key}:${step key}` when the
 *   definition has steps of service selling.
 *
 * Any client may write anything into the document, so every read validates what it finds.
 */
import * as Y from 'yjs';
import type { Localized } from '../types';
import type { MotDefinition, MotTool } from './definition';

/** Longest answer or standard, in characters. */
export const MAX_TEXT = 1000;
/** Longest customer description. */
export const MAX_CUSTOMER = 300;
/** Longest touchpoint label. */
export const MAX_LABEL = 60;
/** Most touchpoints a group may draw in the tools variant. */
export const MAX_POINTS = 12;
/** The answers' subject in the tools variant, where the group answers for its one tool. */
export const TOOL_SUBJECT = 'tool';

/** One point of the customer journey, validated, in journey order. */
export interface JourneyPoint {
	key: string;
	label: Localized;
	hint: Localized | null;
	/** True for a touchpoint the group added (tools variant), false for a scene of the definition. */
	custom: boolean;
	rating: number | undefined;
	goal: number | undefined;
}

/** Something the four questions are asked of: the chosen tool, or one scene. */
export interface Subject {
	key: string;
	title: Localized | null;
	hint: Localized | null;
}

type PointMap = Y.Map<unknown>;

const meta = (doc: Y.Doc) => doc.getMap<unknown>('mot');
const answersMap = (doc: Y.Doc) => doc.getMap<unknown>('answers');
const pointsMap = (doc: Y.Doc) => doc.getMap<unknown>('points');
const ratingsMap = (doc: Y.Doc) => doc.getMap<unknown>('ratings');
const goalsMap = (doc: Y.Doc) => doc.getMap<unknown>('goals');
const standardsMap = (doc: Y.Doc) => doc.getMap<unknown>('standards');

/** Trims a user text; null when it is not text or longer than `max`. */
export function cleanText(value: unknown, max: number): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return text.length > max ? null : text;
}

/** A stored text, clipped; '' when it is not text. */
function readText(value: unknown, max: number): string {
	return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** Writes a text, deleting the key for an empty one so the map does not fill with blanks. */
function putText(map: Y.Map<unknown>, key: string, text: string): void {
	if (!text) map.delete(key);
	else if (map.get(key) !== text) map.set(key, text);
}

/** A new random point id: URL-safe and without ':' (standard keys are split on it). */
function newId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

function finite(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Whether `value` is a whole rating inside the definition's curve. */
export function isRating(def: MotDefinition, value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= def.curve.min && (value as number) <= def.curve.max;
}

// ---- tool and customer --------------------------------------------------------------------

/** The tool the group picked (tools variant), or null when none or unknown. */
export function tool(doc: Y.Doc, def: MotDefinition): MotTool | null {
	const key = meta(doc).get('tool');
	return def.tools.find((t) => t.key === key) ?? null;
}

/** Picks the group's tool, or clears the choice with null. */
export function setTool(doc: Y.Doc, def: MotDefinition, key: string | null): boolean {
	if (key === null) {
		meta(doc).delete('tool');
		return true;
	}
	if (!def.tools.some((t) => t.key === key)) return false;
	if (meta(doc).get('tool') !== key) meta(doc).set('tool', key);
	return true;
}

/** Who the group's customer is. */
export function customer(doc: Y.Doc): string {
	return readText(meta(doc).get('customer'), MAX_CUSTOMER);
}

/** Describes the group's customer; an empty text clears it. */
export function setCustomer(doc: Y.Doc, text: string): boolean {
	const clean = cleanText(text, MAX_CUSTOMER);
	if (clean === null) return false;
	putText(meta(doc), 'customer', clean);
	return true;
}

// ---- the four questions --------------------------------------------------------------------

/** What the questions are asked of: the one tool (tools variant) or every scene (651). */
export function subjects(doc: Y.Doc, def: MotDefinition): Subject[] {
	if (def.variant === 'touchpoints651') return def.tools.map((t) => ({ key: t.key, title: t.title, hint: t.hint }));
	const t = tool(doc, def);
	return [{ key: TOOL_SUBJECT, title: t?.title ?? null, hint: t?.hint ?? null }];
}

function isSubject(def: MotDefinition, subject: string): boolean {
	return def.variant === 'touchpoints651' ? def.tools.some((t) => t.key === subject) : subject === TOOL_SUBJECT;
}

/** The answer to question `index` for `subject` ('' when unanswered). */
export function answer(doc: Y.Doc, subject: string, index: number): string {
	return readText(answersMap(doc).get(`${subject}:${index}`), MAX_TEXT);
}

/** Every answer per subject, one string per question of the definition. */
export function answers(doc: Y.Doc, def: MotDefinition): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const s of subjects(doc, def)) out[s.key] = def.questions.map((_, i) => answer(doc, s.key, i));
	return out;
}

/** Answers question `index` for `subject`; an empty text clears the answer. */
export function setAnswer(doc: Y.Doc, def: MotDefinition, subject: string, index: number, text: string): boolean {
	const clean = cleanText(text, MAX_TEXT);
	if (clean === null || !isSubject(def, subject)) return false;
	if (!Number.isInteger(index) || index < 0 || index >= def.questions.length) return false;
	putText(answersMap(doc), `${subject}:${index}`, clean);
	return true;
}

// ---- the journey ---------------------------------------------------------------------------

function customPoints(doc: Y.Doc): { id: string; label: string; order: number; createdAt: number }[] {
	const list: { id: string; label: string; order: number; createdAt: number }[] = [];
	for (const [id, raw] of pointsMap(doc).entries()) {
		if (!(raw instanceof Y.Map) || id.includes(':')) continue;
		const label = readText(raw.get('label'), MAX_LABEL);
		if (!label) continue;
		list.push({ id, label, order: finite(raw.get('order')), createdAt: finite(raw.get('createdAt')) });
	}
	// Deterministic, so every peer draws the same curve even when two orders collide.
	list.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return list.slice(0, MAX_POINTS);
}

/** The journey in order: the scenes (651) or the group's own touchpoints (tools), with ratings. */
export function journey(doc: Y.Doc, def: MotDefinition): JourneyPoint[] {
	const ratings = ratingsMap(doc);
	const goals = goalsMap(doc);
	const read = (key: string) => {
		const rating = ratings.get(key);
		const goal = goals.get(key);
		return { rating: isRating(def, rating) ? rating : undefined, goal: isRating(def, goal) ? goal : undefined };
	};
	if (def.variant === 'touchpoints651') {
		return def.tools.map((t) => ({ key: t.key, label: t.title, hint: t.hint, custom: false, ...read(t.key) }));
	}
	return customPoints(doc).map((p) => ({
		key: p.id,
		label: { 'zh-CN': p.label, en: p.label },
		hint: null,
		custom: true,
		...read(p.id)
	}));
}

function isPoint(doc: Y.Doc, def: MotDefinition, key: unknown): key is string {
	if (typeof key !== 'string' || !key) return false;
	if (def.variant === 'touchpoints651') return def.tools.some((t) => t.key === key);
	return customPoints(doc).some((p) => p.id === key);
}

/** Adds a touchpoint at the end of the journey (tools variant); its id, or null when refused. */
export function addPoint(doc: Y.Doc, def: MotDefinition, label: string): string | null {
	const clean = cleanText(label, MAX_LABEL);
	if (def.variant !== 'tools' || !clean) return null;
	const existing = customPoints(doc);
	if (existing.length >= MAX_POINTS) return null;
	const id = newId();
	doc.transact(() => {
		const point: PointMap = new Y.Map();
		point.set('label', clean);
		point.set('order', Math.max(0, ...existing.map((p) => p.order)) + 1);
		point.set('createdAt', Date.now());
		pointsMap(doc).set(id, point);
	});
	return id;
}

/** Renames a touchpoint the group added. */
export function renamePoint(doc: Y.Doc, id: string, label: string): boolean {
	const point = pointsMap(doc).get(id);
	const clean = cleanText(label, MAX_LABEL);
	if (!(point instanceof Y.Map) || !clean) return false;
	if (point.get('label') !== clean) point.set('label', clean);
	return true;
}

/** Removes a touchpoint the group added, with its rating, goal and standards. */
export function removePoint(doc: Y.Doc, id: string): boolean {
	if (!(pointsMap(doc).get(id) instanceof Y.Map)) return false;
	doc.transact(() => {
		pointsMap(doc).delete(id);
		ratingsMap(doc).delete(id);
		goalsMap(doc).delete(id);
		const standards = standardsMap(doc);
		for (const key of Array.from(standards.keys())) {
			if (key === id || key.startsWith(`${id}:`)) standards.delete(key);
		}
	});
	return true;
}

/** Moves a touchpoint one place earlier (-1) or later (+1) in the journey. */
export function movePoint(doc: Y.Doc, id: string, delta: -1 | 1): boolean {
	const list = customPoints(doc);
	const at = list.findIndex((p) => p.id === id);
	const to = at + delta;
	if (at < 0 || to < 0 || to >= list.length) return false;
	[list[at], list[to]] = [list[to], list[at]];
	doc.transact(() => {
		// Renumbering the whole journey also repairs orders that collided in concurrent adds.
		list.forEach((p, i) => {
			const point = pointsMap(doc).get(p.id);
			if (point instanceof Y.Map && point.get('order') !== i + 1) point.set('order', i + 1);
		});
	});
	return true;
}

/** Rates how the customer feels at a point of the journey; null clears the rating. */
export function setRating(doc: Y.Doc, def: MotDefinition, key: string, rating: number | null): boolean {
	return setScore(doc, def, ratingsMap(doc), key, rating);
}

/** Sets the rating the group aims for at a point with its new standard; null clears it. */
export function setGoal(doc: Y.Doc, def: MotDefinition, key: string, rating: number | null): boolean {
	return setScore(doc, def, goalsMap(doc), key, rating);
}

function setScore(doc: Y.Doc, def: MotDefinition, map: Y.Map<unknown>, key: string, rating: number | null): boolean {
	if (!isPoint(doc, def, key)) return false;
	if (rating === null) {
		map.delete(key);
		return true;
	}
	if (!isRating(def, rating)) return false;
	if (map.get(key) !== rating) map.set(key, rating);
	return true;
}

// ---- standards -----------------------------------------------------------------------------

function standardKey(def: MotDefinition, point: string, step: string | null): string | null {
	if (def.steps.length === 0) return step === null ? point : null;
	return step !== null && def.steps.some((s) => s.key === step) ? `${point}:${step}` : null;
}

/** The group's service standard (服务标准) for a point, or for one step of it when the definition has steps. */
export function standard(doc: Y.Doc, def: MotDefinition, point: string, step: string | null = null): string {
	const key = standardKey(def, point, step);
	return key ? readText(standardsMap(doc).get(key), MAX_TEXT) : '';
}

/** Writes the standard for a point (and step, when the definition has steps); empty clears it. */
export function setStandard(doc: Y.Doc, def: MotDefinition, point: string, step: string | null, text: string): boolean {
	const key = standardKey(def, point, step);
	const clean = cleanText(text, MAX_TEXT);
	if (!key || clean === null || !isPoint(doc, def, point)) return false;
	putText(standardsMap(doc), key, clean);
	return true;
}
