import { describe, expect, it } from 'vitest';
import { kinds } from './registry';
import { loadBoard } from './boards';

describe('loadBoard', () => {
	it('knows every registered kind and nothing else', () => {
		for (const kind of kinds()) expect(loadBoard(kind), kind).toBeInstanceOf(Promise);
		expect(loadBoard('constructor')).toBeUndefined();
		expect(loadBoard('nope')).toBeUndefined();
	});
});
