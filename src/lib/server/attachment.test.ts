import { describe, expect, it } from 'vitest';
import { attachment } from './attachment';

describe('download names', () => {
	it('gives an ASCII fallback and the UTF-8 name with every reserved character escaped', () => {
		expect(attachment('results.csv', "降本(第1期)*'s.csv")).toBe(
			"attachment; filename=\"results.csv\"; filename*=UTF-8''%E9%99%8D%E6%9C%AC%28%E7%AC%AC1%E6%9C%9F%29%2A%27s.csv"
		);
	});
});
