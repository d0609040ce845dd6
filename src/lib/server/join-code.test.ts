import { describe, expect, it } from 'vitest';
import * as joinCode from './join-code';
import * as join from './join';
import * as workshops from './workshops';
import * as facilitators from './auth/facilitators';
import { useTempDb } from './testing';

useTempDb();

describe('join codes', () => {
	it('has no look-alike characters in its alphabet', () => {
		for (const c of '0O1IL') expect(joinCode.ALPHABET).not.toContain(c);
		expect(new Set(joinCode.ALPHABET).size).toBe(joinCode.ALPHABET.length);
	});

	it('generates six characters from the alphabet, spread over all of it', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const code = joinCode.generate();
			expect(joinCode.isWellFormed(code)).toBe(true);
			for (const c of code) seen.add(c);
		}
		expect(seen.size).toBe(joinCode.ALPHABET.length);
	});

	it('normalises what people type', () => {
		expect(joinCode.normalise(' ab2-cd3 ')).toBe('AB2CD3');
		// A Chinese keyboard in full-width mode, and the dashes people type for the printed one.
		expect(joinCode.normalise('ＡＢ２－ｃｄ３')).toBe('AB2CD3');
		expect(joinCode.normalise('AB2—CD3')).toBe('AB2CD3');
		expect(joinCode.isWellFormed('AB2CD0')).toBe(false);
		expect(joinCode.isWellFormed('AB2CD')).toBe(false);
	});

	it('finds open workshops by code, refuses an ended one as ended, and keeps codes unique among open ones', async () => {
		const f = await facilitators.create({ email: 'codes@example.com', name: 'F', password: 'password1', isAdmin: true });
		const made = Array.from({ length: 30 }, (_, i) => workshops.create(f.id, { title: `W${i}`, language: 'zh-CN', groupCount: 2 }));
		expect(new Set(made.map((w) => w.joinCode)).size).toBe(made.length);
		const w = made[0];
		const found = join.lookup(w.joinCode.toLowerCase(), '10.0.0.1');
		expect(found.ok && found.workshop.id).toBe(w.id);
		workshops.setStatus(w.id, 'ended');
		expect(join.lookup(w.joinCode, '10.0.0.1')).toEqual({ ok: false, reason: 'ended' });
	});

	it('throttles an address after 20 wrong codes, then answers it nothing, not even a right code', async () => {
		const f = await facilitators.create({ email: 'throttle@example.com', name: 'F', password: 'password1', isAdmin: false });
		const w = workshops.create(f.id, { title: 'T', language: 'en', groupCount: 1 });
		for (let i = 0; i < 20; i++) expect(join.lookup('ZZZZZZ', '10.9.9.9')).toEqual({ ok: false, reason: 'wrong' });
		expect(join.lookup('ZZZZZZ', '10.9.9.9')).toEqual({ ok: false, reason: 'throttled' });
		expect(join.lookup('ZZZZZZ', '10.9.9.8')).toEqual({ ok: false, reason: 'wrong' });
		expect(join.lookup(w.joinCode, '10.9.9.9')).toEqual({ ok: false, reason: 'throttled' });
		expect(join.lookup(w.joinCode, '10.9.9.8').ok).toBe(true);
	});
});
