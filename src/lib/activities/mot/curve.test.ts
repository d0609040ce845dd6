import { describe, expect, it } from 'vitest';
import { goalPolyline, lowPoints, place, polyline, signed, VIEW } from './curve';

const range = { min: -3, max: 3 };
const pts = (...ratings: (number | undefined)[]) => ratings.map((rating, i) => ({ key: `p${i}`, rating }));

describe('experience curve lows', () => {
	it('flags the two lowest points', () => {
		expect([...lowPoints(pts(2, -1, 1, -3, 0), range)].sort()).toEqual(['p1', 'p3']);
	});

	it('includes every point tied at the cut and skips unrated points', () => {
		expect([...lowPoints(pts(undefined, -2, 1, -2, -2, 3), range)].sort()).toEqual(['p1', 'p3', 'p4']);
	});

	it('flags a dip even when every feeling is positive', () => {
		expect([...lowPoints(pts(3, 1, 3), range)]).toEqual(['p1']);
	});

	it('flags nothing on a flat curve at or above the middle, or with no ratings', () => {
		expect(lowPoints(pts(2, 2, 2), range).size).toBe(0);
		expect(lowPoints(pts(0, 0), range).size).toBe(0);
		expect(lowPoints(pts(undefined, undefined), range).size).toBe(0);
	});

	it('flags a flat disappointing curve', () => {
		expect([...lowPoints(pts(-1, -1, -1), range)].sort()).toEqual(['p0', 'p1', 'p2']);
	});
});

describe('experience curve drawing', () => {
	it('places points evenly with the best feeling at the top', () => {
		const placed = place(pts(3, undefined, -3), range);
		expect(placed[0].x).toBe(VIEW.left);
		expect(placed[2].x).toBe(VIEW.width - VIEW.right);
		expect(placed[0].y).toBe(VIEW.top);
		expect(placed[2].y).toBe(VIEW.height - VIEW.bottom);
		expect(placed[1].y).toBeUndefined();
		expect(polyline(placed).split(' ')).toHaveLength(2);
	});

	it('draws the goal line only when a goal is set', () => {
		const plain = place(pts(1, -2), range);
		expect(goalPolyline(plain)).toBe('');
		const withGoal = place([{ key: 'a', rating: 1 }, { key: 'b', rating: -2, goal: 2 }], range);
		expect(goalPolyline(withGoal)).not.toBe(polyline(withGoal));
	});

	it('writes ratings with their sign', () => {
		expect([signed(2), signed(0), signed(-1)]).toEqual(['+2', '0', '−1']);
	});
});
