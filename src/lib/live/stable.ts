/**
 * Pages that poll their data get fresh objects every few seconds even when nothing changed;
 * handing those to live boards would rebuild their views each time. `stable` keeps the previous
 * object while the content is the same, so `$derived` sees no change.
 */

/** A function that returns its last result again while the new value has the same JSON. */
export function stable<T>(): (next: T) => T {
	let last: { value: T; json: string } | null = null;
	return (next) => {
		const json = JSON.stringify(next) ?? '';
		if (last && last.json === json) return last.value;
		last = { value: next, json };
		return next;
	};
}
