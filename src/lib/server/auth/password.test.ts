import { describe, expect, it } from 'vitest';
import * as password from './password';

describe('password hashing', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const h = await password.hash('correct horse battery');
		expect(h.startsWith('$argon2id$')).toBe(true);
		expect(await password.verify(h, 'correct horse battery')).toBe(true);
		expect(await password.verify(h, 'correct horse batterY')).toBe(false);
	});

	it('salts: the same password hashes differently', async () => {
		expect(await password.hash('same password')).not.toBe(await password.hash('same password'));
	});

	it('treats a malformed hash as a mismatch, not an error', async () => {
		expect(await password.verify('not-a-hash', 'x')).toBe(false);
	});

	it('accepts 8 to 200 characters', () => {
		expect(password.acceptable('1234567')).toBe(false);
		expect(password.acceptable('12345678')).toBe(true);
		expect(password.acceptable('x'.repeat(201))).toBe(false);
	});
});
