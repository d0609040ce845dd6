import { describe, expect, it } from 'vitest';
import { stable } from './stable';

describe('stable', () => {
	it('returns the previous object while the content is unchanged', () => {
		const keep = stable<{ id: string; n: number } | undefined>();
		const first = keep({ id: 'a', n: 1 });
		expect(keep({ id: 'a', n: 1 })).toBe(first);
		const changed = keep({ id: 'a', n: 2 });
		expect(changed).not.toBe(first);
		expect(changed).toEqual({ id: 'a', n: 2 });
		expect(keep(undefined)).toBeUndefined();
	});
});
