/**
 * The customer experience curve as numbers: which points are the lows to redesign, and where
 * each point sits in the drawing. Pure functions, shared by the board, the summary and tests.
 */

/** A point as the curve needs it. */
export interface CurvePoint {
	key: string;
	rating: number | undefined;
	goal?: number | undefined;
}

/** The curve's range, from the definition. */
export interface CurveRange {
	min: number;
	max: number;
}

/** How many lows the course asks a group to redesign ("take the two lowest points"). */
export const LOW_COUNT = 2;

/**
 * The keys of the lowest rated points, the moments to redesign: the `count` lowest ratings,
 * with every point tied at the cut. A point is never a low when the curve is flat at or above
 * its middle (nothing there disappoints), so a curve needs a dip or a negative feeling to flag.
 */
export function lowPoints(points: readonly CurvePoint[], range: CurveRange, count = LOW_COUNT): Set<string> {
	const rated = points.filter((p): p is CurvePoint & { rating: number } => typeof p.rating === 'number');
	if (rated.length === 0 || count < 1) return new Set();
	const sorted = [...rated].sort((a, b) => a.rating - b.rating);
	const cut = sorted[Math.min(count, sorted.length) - 1].rating;
	const highest = sorted[sorted.length - 1].rating;
	const middle = (range.min + range.max) / 2;
	return new Set(rated.filter((p) => p.rating <= cut && (p.rating < highest || p.rating < middle)).map((p) => p.key));
}

/** The drawing's size in SVG units; the SVG scales to its box. */
export const VIEW = { width: 640, height: 280, left: 64, right: 24, top: 24, bottom: 40 } as const;

/** Where one journey point is drawn. */
export interface Placed {
	key: string;
	index: number;
	x: number;
	/** Undefined when the point is not rated yet. */
	y: number | undefined;
	goalY: number | undefined;
	rating: number | undefined;
	goal: number | undefined;
}

/** The y coordinate of a rating. */
export function yOf(rating: number, range: CurveRange): number {
	const span = range.max - range.min || 1;
	const inner = VIEW.height - VIEW.top - VIEW.bottom;
	return VIEW.top + ((range.max - rating) / span) * inner;
}

/** Places the journey's points evenly across the drawing, in journey order. */
export function place(points: readonly CurvePoint[], range: CurveRange): Placed[] {
	const inner = VIEW.width - VIEW.left - VIEW.right;
	const step = points.length > 1 ? inner / (points.length - 1) : 0;
	return points.map((p, index) => ({
		key: p.key,
		index,
		x: points.length > 1 ? VIEW.left + index * step : VIEW.left + inner / 2,
		y: p.rating === undefined ? undefined : yOf(p.rating, range),
		goalY: p.goal === undefined ? undefined : yOf(p.goal, range),
		rating: p.rating,
		goal: p.goal
	}));
}

/** The SVG `points` of the line through the rated points (unrated ones are skipped). */
export function polyline(placed: readonly Placed[]): string {
	return placed
		.filter((p) => p.y !== undefined)
		.map((p) => `${round(p.x)},${round(p.y!)}`)
		.join(' ');
}

/**
 * The line of the curve the group aims for: the goal where one is set, the current rating
 * elsewhere. Empty when no goal is set, so nothing is drawn.
 */
export function goalPolyline(placed: readonly Placed[]): string {
	if (!placed.some((p) => p.goalY !== undefined)) return '';
	return placed
		.filter((p) => (p.goalY ?? p.y) !== undefined)
		.map((p) => `${round(p.x)},${round((p.goalY ?? p.y)!)}`)
		.join(' ');
}

/** A rating as people write it: +2, 0, −1 (with a real minus sign). */
export function signed(rating: number): string {
	return rating > 0 ? `+${rating}` : rating < 0 ? `−${-rating}` : '0';
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
