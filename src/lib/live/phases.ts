/**
 * What the live screens need from an activity's stored exercise definition: its texts and its
 * phases. Definitions are copies taken when the exercise was added (possibly from a facilitator's
 * edited version), so they are read defensively here rather than trusted.
 */
import { PHASES, localize, phaseTitle, type Locale, type Localized, type Phase, type PhaseKey } from '$lib/exercises/schema';

/** One phase, as the console, projector and tablets use it. */
export interface PhaseInfo {
	key: PhaseKey;
	minutes: number;
	/** Silent brainstorming: each participant's notes stay private until revealed. */
	private: boolean;
	title: Localized | undefined;
	note: Localized | undefined;
}

/** The texts of an activity. */
export interface ActivityText {
	title: string;
	goal: string;
	instructions: string;
}

const PHASE_KEYS = new Set<string>(PHASES.map((p) => p.key));

function localized(value: unknown): Localized | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const v = value as Record<string, unknown>;
	const zh = typeof v['zh-CN'] === 'string' ? v['zh-CN'] : '';
	const en = typeof v.en === 'string' ? v.en : '';
	if (!zh && !en) return undefined;
	return { 'zh-CN': zh || en, en: en || zh };
}

/** The phases of a stored definition, in order; malformed entries are left out. */
export function readPhases(definition: unknown): PhaseInfo[] {
	const phases = (definition as { phases?: unknown } | null)?.phases;
	if (!Array.isArray(phases)) return [];
	const result: PhaseInfo[] = [];
	for (const raw of phases as unknown[]) {
		if (!raw || typeof raw !== 'object') continue;
		const p = raw as Record<string, unknown>;
		if (typeof p.key !== 'string' || !PHASE_KEYS.has(p.key)) continue;
		const minutes = Number.isInteger(p.minutes) && (p.minutes as number) > 0 ? Math.min(p.minutes as number, 480) : 5;
		result.push({ key: p.key as PhaseKey, minutes, private: p.private === true, title: localized(p.title), note: localized(p.note) });
	}
	return result;
}

/** A phase's title in `locale`: its own, or the default for its key. */
export function phaseName(phase: PhaseInfo, locale: Locale): string {
	return phaseTitle({ ...phase } as Phase, locale);
}

/** A phase's one-line note in `locale`, or ''. */
export function phaseNote(phase: PhaseInfo, locale: Locale): string {
	return phase.note ? localize(phase.note, locale) : '';
}

/** The title, goal and instructions of a stored definition in `locale` ('' where missing). */
export function activityText(definition: unknown, locale: Locale, fallbackTitle = ''): ActivityText {
	const d = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
	const text = (value: unknown) => {
		const l = localized(value);
		return l ? localize(l, locale) : '';
	};
	return { title: text(d.title) || fallbackTitle, goal: text(d.goal), instructions: text(d.instructions) };
}
