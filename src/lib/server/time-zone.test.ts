import { describe, expect, it } from 'vitest';
import { knownTimeZone, localDateTime } from './time-zone';

describe('times for spreadsheets', () => {
	it('writes a moment in the given zone, as spreadsheets read dates', () => {
		const utc = Date.UTC(2026, 11, 1, 8, 58, 47);
		expect(localDateTime(utc, 'Asia/Shanghai')).toBe('2026-12-01 16:58:47');
		expect(localDateTime(utc, 'UTC')).toBe('2026-12-01 08:58:47');
		// Midnight is hour 00, not 24.
		expect(localDateTime(Date.UTC(2026, 11, 1, 16, 0, 5), 'Asia/Shanghai')).toBe('2026-12-02 00:00:05');
	});

	it('accepts only time zones the runtime knows', () => {
		const server = Intl.DateTimeFormat().resolvedOptions().timeZone;
		expect(knownTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
		expect(knownTimeZone('Mars/Olympus_Mons')).toBe(server);
		expect(knownTimeZone('x'.repeat(100))).toBe(server);
		expect(knownTimeZone(null)).toBe(server);
	});
});
