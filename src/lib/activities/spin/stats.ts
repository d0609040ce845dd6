/**
 * The debrief of a role-play, computed from its document: per round, counts by question type,
 * the share of Implication and Need-payoff questions, objections, the next step and the notes;
 * then the same across rounds.
 */
import type * as Y from 'yjs';
import * as model from './model';
import type { NextStep, Note, Objection, Question } from './model';
import { QUESTION_TYPES, type QuestionType } from './types';

/** Questions per type. */
export type Counts = Record<QuestionType, number>;

/** Everything the debrief shows about one round. */
export interface RoundDebrief {
	round: number;
	counts: Counts;
	total: number;
	/** Share of I and N questions among all, 0..1; null when no question was logged. */
	deepShare: number | null;
	nextStep: NextStep;
	scenarioKey: string;
	salesperson: string;
	questions: Question[];
	objections: Objection[];
	handled: number;
	notes: Note[];
}

/** The summary across rounds. */
export interface Overall {
	rounds: number;
	counts: Counts;
	total: number;
	deepShare: number | null;
	agreed: number;
	declined: number;
	objections: number;
	handled: number;
}

/** Counts questions by type. */
export function countByType(list: readonly Question[]): Counts {
	const counts: Counts = { S: 0, P: 0, I: 0, N: 0 };
	for (const q of list) counts[q.type]++;
	return counts;
}

/** The share of Implication and Need-payoff questions; null when there are none at all. */
export function deepShare(counts: Counts): number | null {
	const total = QUESTION_TYPES.reduce((n, t) => n + counts[t], 0);
	return total === 0 ? null : (counts.I + counts.N) / total;
}

/** A share as a whole percentage, for display. */
export function percent(share: number | null): number | null {
	return share === null ? null : Math.round(share * 100);
}

/** What the document holds, read and validated. */
export interface Logged {
	questions: Question[];
	objections: Objection[];
	notes: Note[];
	info: Map<number, model.RoundMeta>;
}

/** Reads everything the debrief needs from a document. */
export function read(doc: Y.Doc): Logged {
	return { questions: model.questions(doc), objections: model.objections(doc), notes: model.notes(doc), info: model.roundInfo(doc) };
}

/** The debrief of every round that has anything in the document (and rounds up to `through`). */
export function debrief(doc: Y.Doc, through = 0): RoundDebrief[] {
	return assemble(read(doc), through);
}

/** The debrief of every round in `logged`, plus empty rounds up to `through`. */
export function assemble(logged: Logged, through = 0): RoundDebrief[] {
	const { questions: qs, objections: os, notes: ns, info } = logged;
	const rounds = new Set<number>([...info.keys(), ...qs.map((q) => q.round), ...os.map((o) => o.round), ...ns.map((n) => n.round)]);
	for (let r = 1; r <= Math.min(through, model.MAX_ROUND); r++) rounds.add(r);
	return [...rounds]
		.sort((a, b) => a - b)
		.map((round) => {
			const questions = qs.filter((q) => q.round === round);
			const objections = os.filter((o) => o.round === round);
			const counts = countByType(questions);
			const meta = info.get(round);
			return {
				round,
				counts,
				total: questions.length,
				deepShare: deepShare(counts),
				nextStep: meta?.nextStep ?? null,
				scenarioKey: meta?.scenarioKey ?? '',
				salesperson: meta?.salesperson ?? '',
				questions,
				objections,
				handled: objections.filter((o) => o.handled).length,
				notes: ns.filter((n) => n.round === round)
			};
		});
}

/** Sums the rounds' debriefs. */
export function overall(rounds: readonly RoundDebrief[]): Overall {
	const counts: Counts = { S: 0, P: 0, I: 0, N: 0 };
	for (const r of rounds) for (const t of QUESTION_TYPES) counts[t] += r.counts[t];
	return {
		rounds: rounds.length,
		counts,
		total: rounds.reduce((n, r) => n + r.total, 0),
		deepShare: deepShare(counts),
		agreed: rounds.filter((r) => r.nextStep === 'agreed').length,
		declined: rounds.filter((r) => r.nextStep === 'declined').length,
		objections: rounds.reduce((n, r) => n + r.objections.length, 0),
		handled: rounds.reduce((n, r) => n + r.handled, 0)
	};
}
