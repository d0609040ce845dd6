/**
 * The fishbone board definition, read defensively: a run stores a copy of the exercise it ran
 * with, and the board must still render when that copy is partial or malformed.
 */
import { FISHBONE_DEFAULT_BONES } from '$lib/exercises/schema';
import type { Locale, Localized } from '../types';

/** One bone of the fish after validation. */
export interface BoneDef {
	key: string;
	title: Localized;
	/** Typical measures, shown as a prompt on the bone; null when the definition has none. */
	hint: Localized | null;
}

/** A board definition after validation: at least two bones, numbers in range. */
export interface FishboneDefinition {
	/** The head of the fish; null when the definition gave none. */
	problem: Localized | null;
	bones: BoneDef[];
	votesPerParticipant: number;
	topMeasures: number;
	/** The steps of 对标对表数据溯源, or an empty list when the exercise has none. */
	traceSteps: Localized[];
}

const KEY = /^[a-z0-9][a-z0-9_-]*$/;
const MAX_BONES = 8;
const MAX_STEPS = 8;

/** A localized text with both locales filled (one falls back to the other); null when both are empty. */
export function localized(value: unknown): Localized | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	const zh = typeof v['zh-CN'] === 'string' ? v['zh-CN'].trim() : '';
	const en = typeof v.en === 'string' ? v.en.trim() : '';
	if (!zh && !en) return null;
	return { 'zh-CN': zh || en, en: en || zh };
}

/** The text of `value` in `locale`, or '' when there is none. */
export function pick(value: Localized | null, locale: Locale): string {
	return value ? value[locale] || value['zh-CN'] : '';
}

function wholeNumber(value: unknown, min: number, max: number, fallback: number): number {
	return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
		? (value as number)
		: fallback;
}

function readBones(value: unknown): BoneDef[] {
	const bones: BoneDef[] = [];
	if (!Array.isArray(value)) return bones;
	for (const raw of value as unknown[]) {
		if (!raw || typeof raw !== 'object' || bones.length >= MAX_BONES) continue;
		const { key, title, hint } = raw as Record<string, unknown>;
		const cleanTitle = localized(title);
		if (typeof key !== 'string' || !KEY.test(key) || !cleanTitle) continue;
		if (bones.some((b) => b.key === key)) continue;
		bones.push({ key, title: cleanTitle, hint: localized(hint) });
	}
	return bones;
}

/** The five bones of the course, as plain data. */
function defaultBones(): BoneDef[] {
	return FISHBONE_DEFAULT_BONES.map((b) => ({ key: b.key, title: { ...b.title }, hint: { ...b.hint } }));
}

/** Reads a fishbone board definition; missing or broken parts fall back to the course's defaults. */
export function readDefinition(def: unknown): FishboneDefinition {
	const d = (def && typeof def === 'object' ? def : {}) as Record<string, unknown>;
	const bones = readBones(d.bones);
	const steps = Array.isArray(d.trace_steps)
		? (d.trace_steps as unknown[]).map(localized).filter((s): s is Localized => s !== null)
		: [];
	return {
		problem: localized(d.problem),
		bones: bones.length >= 2 ? bones : defaultBones(),
		votesPerParticipant: wholeNumber(d.votes_per_participant, 0, 20, 3),
		topMeasures: wholeNumber(d.top_measures, 1, 10, 5),
		traceSteps: steps.slice(0, MAX_STEPS)
	};
}
