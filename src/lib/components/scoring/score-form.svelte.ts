import type { Criterion, Rubric } from '$lib/exercises/schema';
import { sendScore, type ScoreAs, type StoredScore } from './api';

/** The marks a scale offers as buttons: every whole number when there are few, else the rubric's levels. */
export function choices(rubric: Pick<Rubric, 'scale'>, criterion: Criterion): number[] {
	const { min, max } = rubric.scale;
	if (max - min <= 10) return Array.from({ length: max - min + 1 }, (_, i) => min + i);
	return criterion.levels.map((l) => l.score).filter((s) => s >= min && s <= max);
}

/**
 * One scorer's marks for one presented group, being filled in: one tap per criterion, optional
 * comments, then submit. Starts from the stored score when there is one (an edit).
 */
export class ScoreForm {
	#marks = $state<Record<string, number>>({});
	#comments = $state<Record<string, string>>({});
	#comment = $state('');
	#stored = $state<StoredScore | null>(null);
	#saving = $state(false);
	#error = $state<string | null>(null);
	#errorCode = $state<string | null>(null);

	constructor(
		readonly rubric: Pick<Rubric, 'scale' | 'criteria'>,
		readonly target: { activityId: string; groupId: string; as: ScoreAs },
		stored: StoredScore | null = null
	) {
		this.#stored = stored;
		if (stored) {
			this.#marks = { ...stored.marks };
			this.#comments = { ...stored.comments };
			this.#comment = stored.comment;
		}
	}

	/** The chosen mark of a criterion, if any. */
	mark(key: string): number | undefined {
		return this.#marks[key];
	}

	/** Chooses a mark (one tap). */
	choose(key: string, value: number) {
		this.#marks[key] = value;
		this.#error = null;
	}

	/** The comment on a criterion. */
	criterionComment(key: string): string {
		return this.#comments[key] ?? '';
	}

	/** Sets the comment on a criterion. */
	setCriterionComment(key: string, text: string) {
		this.#comments[key] = text;
	}

	/** The overall comment. */
	get comment() {
		return this.#comment;
	}
	set comment(text: string) {
		this.#comment = text;
	}

	/** Whether a new score has been begun: a mark tapped or a comment typed, not yet stored. */
	get begun(): boolean {
		if (this.#stored) return false;
		return Object.keys(this.#marks).length > 0 || this.#comment.trim() !== '' || Object.values(this.#comments).some((c) => c.trim() !== '');
	}

	/** How many criteria still lack a mark. */
	get missing(): number {
		return this.rubric.criteria.filter((c) => this.#marks[c.key] === undefined).length;
	}

	/** The weighted average of the chosen marks, once every criterion has one. */
	get average(): number | null {
		if (this.missing > 0) return null;
		let sum = 0;
		let weights = 0;
		for (const c of this.rubric.criteria) {
			sum += c.weight * this.#marks[c.key];
			weights += c.weight;
		}
		return Math.round((sum / weights) * 100) / 100;
	}

	/** The score as last stored, if any. */
	get stored() {
		return this.#stored;
	}

	get saving() {
		return this.#saving;
	}

	/** The last refusal, in the user's language. */
	get error() {
		return this.#error;
	}

	/** The code of the last refusal (e.g. `already_scored`), for callers that react to it. */
	get errorCode() {
		return this.#errorCode;
	}

	/** Sends the marks; true when stored. A first score is new, later ones edit it. */
	async submit(): Promise<boolean> {
		if (this.#saving) return false;
		this.#saving = true;
		this.#error = null;
		this.#errorCode = null;
		const comments = Object.fromEntries(Object.entries(this.#comments).filter(([, v]) => v.trim()));
		const result = await sendScore({ ...this.target, marks: { ...this.#marks }, comments, comment: this.#comment, replace: this.#stored !== null });
		this.#saving = false;
		if (!result.ok) {
			this.#error = result.message;
			this.#errorCode = result.code ?? null;
			return false;
		}
		this.#stored = result.data.score;
		return true;
	}
}
