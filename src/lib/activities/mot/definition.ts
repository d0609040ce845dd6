/**
 * The moments-of-truth board definition, read defensively: the stored copy of an exercise may
 * come from an older or hand-edited file, so every part falls back to something usable.
 */
import type { Locale, Localized } from '../types';

/** One contact tool (variant `tools`) or touchpoint scene (variant `touchpoints651`). */
export interface MotTool {
	key: string;
	title: Localized;
	hint: Localized | null;
}

/** One step of service selling that a 651 standard is written along. */
export interface MotStep {
	key: string;
	title: Localized;
}

/** A board definition after validation. */
export interface MotDefinition {
	/** `tools`: the group picks one tool and draws its own journey; `touchpoints651`: the scenes are the journey. */
	variant: 'tools' | 'touchpoints651';
	customerPrompt: Localized | null;
	tools: MotTool[];
	steps: MotStep[];
	questions: Localized[];
	curve: { min: number; max: number; labels: { min: Localized; max: Localized } | null };
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** The widest curve a definition may ask for (the exercise schema's bounds). */
export const CURVE_BOUND = 10;

/** A localized text, with one language filling in for the other; null when both are missing. */
export function localized(value: unknown): Localized | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	const zh = typeof v['zh-CN'] === 'string' ? v['zh-CN'].trim() : '';
	const en = typeof v.en === 'string' ? v.en.trim() : '';
	if (!zh && !en) return null;
	return { 'zh-CN': zh || en, en: en || zh };
}

/** The text of `l` in `locale` ('' for null). */
export function say(l: Localized | null | undefined, locale: Locale): string {
	return l ? l[locale] || l['zh-CN'] || l.en : '';
}

function keyed<T>(list: unknown, read: (item: Record<string, unknown>, key: string) => T | null, max: number): T[] {
	if (!Array.isArray(list)) return [];
	const seen = new Set<string>();
	const out: T[] = [];
	for (const item of list as unknown[]) {
		if (!item || typeof item !== 'object') continue;
		const key = (item as Record<string, unknown>).key;
		if (typeof key !== 'string' || !KEY.test(key) || seen.has(key)) continue;
		const value = read(item as Record<string, unknown>, key);
		if (value === null) continue;
		seen.add(key);
		out.push(value);
		if (out.length >= max) break;
	}
	return out;
}

function bound(value: unknown, fallback: number): number {
	return Number.isInteger(value) && Math.abs(value as number) <= CURVE_BOUND ? (value as number) : fallback;
}

/** Reads a moments-of-truth board definition; missing or broken parts fall back to defaults. */
export function readDefinition(def: unknown): MotDefinition {
	const d = (def && typeof def === 'object' ? def : {}) as Record<string, unknown>;
	const tools = keyed(
		d.tools,
		(item, key) => {
			const title = localized(item.title);
			return title ? { key, title, hint: localized(item.hint) } : null;
		},
		12
	);
	const steps = keyed(
		d.steps,
		(item, key) => {
			const title = localized(item.title);
			return title ? { key, title } : null;
		},
		8
	);
	const questions = Array.isArray(d.questions)
		? (d.questions as unknown[]).map(localized).filter((q): q is Localized => q !== null).slice(0, 8)
		: [];
	const c = (d.curve && typeof d.curve === 'object' ? d.curve : {}) as Record<string, unknown>;
	let min = bound(c.min, -3);
	let max = bound(c.max, 3);
	if (min >= max) [min, max] = [-3, 3];
	const l = (c.labels && typeof c.labels === 'object' ? c.labels : {}) as Record<string, unknown>;
	const lo = localized(l.min);
	const hi = localized(l.max);
	return {
		variant: d.variant === 'touchpoints651' ? 'touchpoints651' : 'tools',
		customerPrompt: localized(d.customer_prompt),
		tools,
		steps,
		questions,
		curve: { min, max, labels: lo && hi ? { min: lo, max: hi } : null }
	};
}
