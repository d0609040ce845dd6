/**
 * Reads the public part of a role-play's board definition defensively: what tablets receive
 * (hidden customer briefs are stripped by the server before it gets here).
 */
import { ROLES, type LocalizedText, type Role } from './types';

/** One scenario card as every member may see it. */
export interface PublicScenario {
	key: string;
	segment: string;
	title: LocalizedText;
	publicBrief: LocalizedText | null;
	/** What salesperson and customer are called in this scene, when the card renames them. */
	roleTitles: Record<'salesperson' | 'customer', LocalizedText> | null;
}

/** One personality type. */
export interface PublicPersona {
	key: string;
	title: LocalizedText;
	traits: LocalizedText | null;
	closing: LocalizedText | null;
}

/** A validated role-play board definition. */
export interface SpinDefinition {
	roles: Record<Role, { title: LocalizedText | null; brief: LocalizedText | null }>;
	personas: PublicPersona[];
	scenarios: PublicScenario[];
	roundMinutes: number;
	rounds: number;
}

/** A text in both locales, or null; one missing locale falls back to the other. */
export function localized(value: unknown): LocalizedText | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	const zh = typeof v['zh-CN'] === 'string' ? v['zh-CN'] : '';
	const en = typeof v.en === 'string' ? v.en : '';
	if (!zh && !en) return null;
	return { 'zh-CN': zh || en, en: en || zh };
}

/** The text of `value` in `locale` ('' when absent). */
export function tr(value: LocalizedText | null | undefined, locale: 'zh-CN' | 'en'): string {
	return value?.[locale] || value?.['zh-CN'] || '';
}

function record(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): Record<string, unknown>[] {
	return Array.isArray(value) ? value.map(record) : [];
}

function int(value: unknown, min: number, max: number, fallback: number): number {
	return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;
}

function scenario(raw: Record<string, unknown>): PublicScenario | null {
	const title = localized(raw.title);
	if (typeof raw.key !== 'string' || !raw.key || !title) return null;
	const titles = record(raw.role_titles);
	const [sales, customer] = [localized(titles.salesperson), localized(titles.customer)];
	return {
		key: raw.key,
		segment: typeof raw.segment === 'string' ? raw.segment : '',
		title,
		publicBrief: localized(raw.public_brief),
		roleTitles: sales && customer ? { salesperson: sales, customer } : null
	};
}

/** Reads a role-play board definition; missing parts fall back to empty lists and defaults. */
export function readDefinition(def: unknown): SpinDefinition {
	const d = record(def);
	const rolesRaw = record(d.roles);
	const roles = {} as SpinDefinition['roles'];
	for (const role of ROLES) {
		const r = record(rolesRaw[role]);
		roles[role] = { title: localized(r.title), brief: localized(r.brief) };
	}
	const seen = new Set<string>();
	const unique = <T extends { key: string }>(item: T | null): item is T => !!item && !seen.has(item.key) && !!seen.add(item.key);
	const scenarios = list(d.scenarios).map(scenario).filter(unique);
	seen.clear();
	const personas = list(d.personas)
		.map((p): PublicPersona | null => {
			const title = localized(p.title);
			if (typeof p.key !== 'string' || !p.key || !title) return null;
			return { key: p.key, title, traits: localized(p.traits), closing: localized(p.closing) };
		})
		.filter(unique);
	return { roles, personas, scenarios, roundMinutes: int(d.round_minutes, 1, 120, 10), rounds: int(d.rounds, 1, 8, 3) };
}
