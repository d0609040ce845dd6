import { afterEach, describe, expect, it } from 'vitest';
import { originAllowed } from './collab/authorize';
import { publicOrigin } from './config';

const saved = process.env.ORIGIN;
afterEach(() => {
	if (saved === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = saved;
});

describe('ORIGIN', () => {
	it('is read as a URL, as adapter-node reads it: a trailing slash, capitals or :443 change nothing', () => {
		process.env.ORIGIN = 'https://Huddle.example.com:443/';
		expect(publicOrigin()).toBe('https://huddle.example.com');
		expect(originAllowed('https://huddle.example.com', 'huddle.example.com')).toBe(true);
		expect(originAllowed('https://evil.example', 'huddle.example.com')).toBe(false);
	});

	it('when unset, lets a websocket in from the host it asked for, and only from there', () => {
		delete process.env.ORIGIN;
		expect(publicOrigin()).toBeUndefined();
		expect(originAllowed('http://10.0.0.5:3000', '10.0.0.5:3000')).toBe(true);
		expect(originAllowed('http://evil.example', '10.0.0.5:3000')).toBe(false);
	});
});
