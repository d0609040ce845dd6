import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../exercises/schema';
import { aggregate, points, round, workshopTotals, type ScoreLike } from './aggregate';
import { rubricOf } from './rubric';
import { smallDefinition } from './test-setup';

const rubric = (peerWeight = 0.5) => rubricOf(smallDefinition(peerWeight)) as Rubric;
const fac = (groupId: string, a: number, b: number): ScoreLike => ({ groupId, scorerKind: 'facilitator', marks: { a, b } });
const peer = (groupId: string, a: number, b: number): ScoreLike => ({ groupId, scorerKind: 'group', marks: { a, b } });

describe('aggregate', () => {
	it('mixes facilitator and mean peer marks by peer_weight, then weights the criteria', () => {
		// x: facilitator a=4 b=2; peers mean a=3 b=4 → a 3.5, b 3 → (1·3.5 + 3·3) / 4 = 3.125.
		const [x] = aggregate(rubric(), ['x'], [fac('x', 4, 2), peer('x', 2, 4), peer('x', 4, 4)]);
		expect(x.criteria).toEqual({ a: 3.5, b: 3 });
		expect(x.final).toBe(3.13);
		expect(x.facilitator).toBe(2.5);
		expect(x.peer).toBe(3.75);
		expect(x.peerCount).toBe(2);
		expect(x.basis).toBe('both');
	});

	it('uses the facilitator alone when no peer scored, and peers alone when the facilitator did not', () => {
		const results = aggregate(rubric(), ['x', 'y', 'z', 'w'], [fac('y', 5, 3), peer('z', 3, 3), fac('x', 4, 2), peer('x', 2, 4), peer('x', 4, 4)]);
		expect(results.map((r) => [r.groupId, r.final, r.basis, r.rank])).toEqual([
			['y', 3.5, 'facilitator', 1],
			['x', 3.13, 'both', 2],
			['z', 3, 'peer', 3],
			['w', null, 'none', null]
		]);
	});

	it('gives equal scores the same rank and skips the next (1, 1, 3)', () => {
		const results = aggregate(rubric(), ['x', 'y', 'z'], [fac('x', 4, 4), fac('y', 2, 2), fac('z', 4, 4)]);
		expect(results.map((r) => [r.groupId, r.rank])).toEqual([
			['x', 1],
			['z', 1],
			['y', 3]
		]);
	});

	it('treats scores that differ only beyond two decimals as a tie', () => {
		// 0.3·x sums carry binary noise; the displayed value decides.
		const r = { ...rubric(0.3) };
		const results = aggregate(r, ['x', 'y'], [fac('x', 3, 3), peer('x', 4, 4), fac('y', 4, 4), peer('y', 1, 1)]);
		expect(results[0].final).toBe(3.3);
		expect(results[1].final).toBe(3.1);
		const tie = aggregate(r, ['x', 'y'], [fac('x', 3, 3), peer('x', 4, 4), fac('y', 3, 3), peer('y', 4, 4)]);
		expect(tie.map((t) => t.rank)).toEqual([1, 1]);
	});

	it('ignores peer marks when the rubric gives peers no weight', () => {
		const [x] = aggregate(rubric(0), ['x'], [fac('x', 2, 2), peer('x', 5, 5)]);
		expect(x.final).toBe(2);
		expect(x.basis).toBe('facilitator');
		expect(x.peerCount).toBe(0);
	});

	it('ranks across the workshop by the sum of points out of 100', () => {
		const r = rubric();
		expect(points(r, 5)).toBe(100);
		expect(points(r, 3.5)).toBe(62.5);
		const a1 = aggregate(r, ['x', 'y'], [fac('x', 5, 5), fac('y', 3, 3)]); // 100, 50
		const a2 = aggregate(r, ['x', 'y'], [fac('y', 5, 5)]); // x unscored, y 100
		const totals = workshopTotals(['x', 'y'], [
			{ id: 'a1', rubric: r, results: a1 },
			{ id: 'a2', rubric: r, results: a2 }
		]);
		expect(totals.map((t) => [t.groupId, t.total, t.rank])).toEqual([
			['y', 150, 1],
			['x', 100, 2]
		]);
		expect(totals[1].byActivity).toEqual({ a1: 100, a2: null });
	});

	it('rounds half away from zero', () => {
		expect(round(2.675)).toBe(2.68);
		expect(round(3.125)).toBe(3.13);
		expect(round(53.25, 1)).toBe(53.3);
	});
});
