import { localDateTime } from '../time-zone';
import type { Report } from './report';
import { pick } from './report';

/** A cell: text is quoted when needed, numbers are written as they are. */
export type Cell = string | number | null;

/** Byte order mark: without it Excel reads UTF-8 as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** One CSV field (RFC 4180), with a guard against spreadsheet formulas in user text. */
export function field(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return String(cell);
	// A cell starting with = + - @ would run as a formula in Excel: make it plain text.
	const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, header, rows, CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
	return BOM + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The column titles and fixed words of the results CSV, in the reader's language. */
export type CsvLabels = {
	header: [
		activity: string,
		group: string,
		final: string,
		rank: string,
		scorer: string,
		scorerKind: string,
		submittedBy: string,
		criterion: string,
		weight: string,
		mark: string,
		criterionComment: string,
		comment: string,
		updatedAt: string
	];
	facilitator: string;
	peer: string;
};

/**
 * Every score and comment of a workshop, one row per scorer × presented group × criterion; times
 * in `timeZone` (the header should say which).
 */
export function resultsCsv(r: Report, labels: CsvLabels, locale: 'zh-CN' | 'en', timeZone = 'UTC'): string {
	const groupName = new Map(r.groups.map((g) => [g.id, g.name]));
	const rows: Cell[][] = [];
	for (const a of r.activities) {
		const title = pick(a.title, locale);
		for (const s of a.scores) {
			const result = a.results.find((x) => x.groupId === s.groupId);
			const scorer = s.scorerGroupId ? (groupName.get(s.scorerGroupId) ?? '') : labels.facilitator;
			for (const c of a.criteria) {
				rows.push([
					title,
					groupName.get(s.groupId) ?? '',
					result?.final ?? null,
					result?.rank ?? null,
					scorer,
					s.scorerKind === 'facilitator' ? labels.facilitator : labels.peer,
					s.submitter ?? '',
					pick(c.title, locale),
					c.weight,
					s.marks[c.key] ?? null,
					s.comments[c.key] ?? '',
					s.comment,
					localDateTime(s.updatedAt, timeZone)
				]);
			}
		}
	}
	return toCsv(labels.header, rows);
}
