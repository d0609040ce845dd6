import type { Rubric } from '../../exercises/schema';
import { refuse, type Result } from './errors';

/** Longest comment on one criterion, in characters. */
export const MAX_CRITERION_COMMENT = 500;
/** Longest overall comment, in characters. */
export const MAX_COMMENT = 2000;

/** Marks and comments that fit a rubric. */
export type Marks = {
	marks: Record<string, number>;
	comments: Record<string, string>;
	comment: string;
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks one scorer's marks against the rubric: every criterion marked, no unknown one, each
 * mark a whole number inside the scale; comments are optional, trimmed and bounded.
 */
export function validateMarks(rubric: Rubric, input: { marks: unknown; comments?: unknown; comment?: unknown }): Result<Marks> {
	if (!isRecord(input.marks)) return refuse({ code: 'invalid' });
	const comments = input.comments ?? {};
	if (!isRecord(comments)) return refuse({ code: 'invalid' });
	const comment = input.comment ?? '';
	if (typeof comment !== 'string') return refuse({ code: 'invalid' });

	const keys = new Set(rubric.criteria.map((c) => c.key));
	for (const key of [...Object.keys(input.marks), ...Object.keys(comments)]) {
		if (!keys.has(key)) return refuse({ code: 'unknown_criterion', criterion: key.slice(0, 60) });
	}
	const { min, max } = rubric.scale;
	const marks: Record<string, number> = {};
	for (const c of rubric.criteria) {
		const value = input.marks[c.key];
		if (value === undefined || value === null || value === '') return refuse({ code: 'missing_criterion', criterion: c.key });
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			return refuse({ code: 'out_of_scale', criterion: c.key, min, max });
		}
		marks[c.key] = value;
	}
	const texts: Record<string, string> = {};
	for (const [key, raw] of Object.entries(comments)) {
		if (raw === null || raw === undefined) continue;
		if (typeof raw !== 'string') return refuse({ code: 'invalid' });
		const text = raw.trim();
		if (text.length > MAX_CRITERION_COMMENT) return refuse({ code: 'comment_too_long', max: MAX_CRITERION_COMMENT });
		if (text) texts[key] = text;
	}
	const overall = comment.trim();
	if (overall.length > MAX_COMMENT) return refuse({ code: 'comment_too_long', max: MAX_COMMENT });
	return { ok: true, value: { marks, comments: texts, comment: overall } };
}
