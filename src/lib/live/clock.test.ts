import { describe, expect, it } from 'vitest';
import { estimateOffset, parseServerTime } from './clock';

describe('server clock offset', () => {
	it('assumes the server answered half-way through the round trip', () => {
		// Local 1000 → 1100; the server said 5050 in the middle: offset 4000.
		expect(estimateOffset([{ sentAt: 1000, receivedAt: 1100, serverTime: 5050 }])).toBe(4000);
	});

	it('trusts the sample with the shortest round trip', () => {
		const offset = estimateOffset([
			{ sentAt: 0, receivedAt: 900, serverTime: 10_100 }, // slow: half-way guess is poor
			{ sentAt: 1000, receivedAt: 1020, serverTime: 11_010 },
			{ sentAt: 2000, receivedAt: 2400, serverTime: 12_300 }
		]);
		expect(offset).toBe(10_000);
	});

	it('gives up on unusable samples', () => {
		expect(estimateOffset([])).toBeNull();
		expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverTime: 100 }])).toBeNull();
		expect(estimateOffset([{ sentAt: 0, receivedAt: 5, serverTime: NaN }])).toBeNull();
	});

	it('reads the endpoint answer defensively', () => {
		expect(parseServerTime({ now: 123 })).toBe(123);
		expect(parseServerTime({ now: '123' })).toBeNull();
		expect(parseServerTime(null)).toBeNull();
	});
});
