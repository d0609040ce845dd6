/** The kinds of activity whose groups review each other crosswise (the others' boards stay their own). */
const REVIEWED_KINDS: ReadonlySet<string> = new Set(['moments-of-truth']);

/** Whether groups review each other's boards in an activity of `kind`. */
export function hasCrosswiseReview(kind: string): boolean {
	return REVIEWED_KINDS.has(kind);
}
