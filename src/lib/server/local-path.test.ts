import { describe, expect, it } from 'vitest';
import { localPath } from './local-path';

const here = new URL('https://huddle.example.com/login?next=x');

describe('the page after signing in', () => {
	it('keeps paths on this site', () => {
		expect(localPath('/workshops/abc/console', here)).toBe('/workshops/abc/console');
		expect(localPath('/library?kind=pest#top', here)).toBe('/library?kind=pest#top');
	});

	it('refuses anything that leads to another site', () => {
		for (const next of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', '', null]) {
			expect(localPath(next, here), String(next)).toBeNull();
		}
	});
});
