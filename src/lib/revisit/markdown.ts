import * as m from '../paraglide/messages';
import { localize, type Localized } from '../exercises/schema';
import { escapeMarkdown } from './html-markdown';

// The participant's export as one Markdown file: their group's boards, the scores and feedback,
// and their own learning report (as they wrote it: their own formatting is kept).

type Locale = 'zh-CN' | 'en';

/** The parts of a recap the export needs (see $lib/server/recap). */
export type RecapForExport = {
	workshop: { title: string; status: string; scheduledFor: string | null; endedAt: number | null; reportTarget: number };
	me: { name: string };
	group: { name: string } | null;
	activities: {
		id: string;
		kind: string;
		title: Localized | null;
		scores: { scorer: 'facilitator' | 'group'; scorerGroup: string | null; comment: string; marks: { key: string; title: Localized; value: number | null; max: number; comment: string }[] }[];
		reviews: { from: string; body: string }[];
	}[];
	reflection: { body: string; submittedAt: number | null; comment: string | null };
};

const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, ' ');
const lines = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, '  \n');

/** A file name for the export: the workshop title made safe for every file system. */
export function exportFileName(title: string): string {
	// Cut by characters, not UTF-16 units: half an emoji is no file name (and no URI component).
	const safe = Array.from(title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim()).slice(0, 80).join('').trim() || 'huddle';
	return `${safe}.md`;
}

/**
 * The Markdown document. `boards` holds each activity's board summary, already in Markdown
 * (null before the workshop has ended).
 */
export function recapMarkdown(recap: RecapForExport, boards: Map<string, string | null>, opts: { locale: Locale; url: string; timeZone?: string }): string {
	const { locale, timeZone } = opts;
	const when = (ms: number) => new Date(ms).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
	const out: string[] = [];
	out.push(`# ${escapeMarkdown(recap.workshop.title)}`);
	const meta = [recap.me.name, recap.group?.name, recap.workshop.scheduledFor].filter(Boolean).map((s) => escapeMarkdown(s!));
	out.push(meta.join(' · '));
	if (recap.workshop.endedAt) out.push(m.revisit_ended_on({ time: when(recap.workshop.endedAt) }, { locale }));
	out.push(`${m.revisit_slip_link({}, { locale })} <${opts.url}>`);

	recap.activities.forEach((a, i) => {
		out.push(`## ${i + 1}. ${escapeMarkdown(a.title ? localize(a.title, locale) : a.kind)}`);
		out.push(`### ${m.revisit_boards_title({}, { locale })}`);
		const board = boards.get(a.id);
		out.push(board ? board : `_${m.revisit_board_later({}, { locale })}_`);
		out.push(`### ${m.revisit_results_title({}, { locale })}`);
		if (recap.workshop.status !== 'ended') out.push(`_${m.revisit_scores_later({}, { locale })}_`);
		else if (a.scores.length === 0 && a.reviews.length === 0) out.push(`_${m.revisit_scores_none({}, { locale })}_`);
		for (const s of a.scores) {
			out.push(`#### ${s.scorer === 'facilitator' ? m.revisit_score_by_facilitator({}, { locale }) : m.revisit_score_by_group({ group: escapeMarkdown(s.scorerGroup ?? '') }, { locale })}`);
			const rows = [
				`| ${m.revisit_criterion({}, { locale })} | ${m.revisit_mark({}, { locale })} | ${m.revisit_comment({}, { locale })} |`,
				'| --- | --- | --- |',
				...s.marks.map((mark) => {
					const value = mark.value === null ? '—' : mark.max ? m.revisit_mark_of({ value: mark.value, max: mark.max }, { locale }) : String(mark.value);
					return `| ${cell(localize(mark.title, locale))} | ${value} | ${cell(mark.comment)} |`;
				})
			];
			out.push(rows.join('\n'));
			if (s.comment) out.push(`**${s.scorer === 'facilitator' ? m.revisit_facilitator_comment({}, { locale }) : m.revisit_overall_comment({}, { locale })}** ${lines(s.comment)}`);
		}
		for (const r of a.reviews) {
			out.push(`#### ${m.revisit_review_by({ group: escapeMarkdown(r.from) }, { locale })}`);
			out.push(lines(r.body));
		}
	});

	out.push(`## ${m.revisit_report_title({}, { locale })}`);
	const r = recap.reflection;
	if (r.submittedAt) out.push(`_${m.revisit_report_submitted_at({ time: when(r.submittedAt) }, { locale })}_`);
	else out.push(`_${m.revisit_report_draft({}, { locale })}_`);
	out.push(r.body.trim() ? r.body.replace(/\r\n/g, '\n') : `_${m.revisit_report_empty({}, { locale })}_`);
	if (r.comment) {
		out.push(`### ${m.revisit_report_comment_title({}, { locale })}`);
		out.push(lines(r.comment));
	}
	return out.filter((block) => block !== '').join('\n\n') + '\n';
}
