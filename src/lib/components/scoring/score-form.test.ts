import { describe, expect, it } from 'vitest';
import { ScoreForm } from './score-form.svelte';

const rubric = {
	scale: { min: 1, max: 5 },
	criteria: [{ key: 'insight', title: { 'zh-CN': '洞察', en: 'Insight' }, weight: 1, levels: [] }]
};
const target = { activityId: 'a', groupId: 'g', as: 'group' as const };

describe('a score being filled in', () => {
	it('counts as begun once a mark is tapped or a comment typed, so the next presenter does not replace it', () => {
		const fresh = new ScoreForm(rubric, target);
		expect(fresh.begun).toBe(false);
		fresh.comment = '   ';
		expect(fresh.begun).toBe(false);
		fresh.choose('insight', 4);
		expect(fresh.begun).toBe(true);
		const typed = new ScoreForm(rubric, target);
		typed.setCriterionComment('insight', '数据翔实');
		expect(typed.begun).toBe(true);
		// A score already stored is shown, not begun: nothing of it is lost by moving on.
		const stored = new ScoreForm(rubric, target, { marks: { insight: 3 }, comments: {}, comment: '', updatedAt: 1 } as never);
		expect(stored.begun).toBe(false);
	});
});
