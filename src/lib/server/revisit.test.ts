import { describe, expect, it } from 'vitest';
import * as participants from './participants';
import * as revisit from './revisit';
import * as device from './revisit-device';
import { useTempDb } from './testing';
import { seedWorkshop } from './revisit-testing';

useTempDb();

/** A stand-in for SvelteKit's cookies, enough for the device list. */
function jar() {
	const values = new Map<string, string>();
	const options = new Map<string, Record<string, unknown>>();
	return {
		values,
		options,
		get: (name: string) => values.get(name),
		set: (name: string, value: string, opts: Record<string, unknown>) => void (values.set(name, value), options.set(name, opts)),
		delete: (name: string) => void values.delete(name)
	};
}

const URL_ = new URL('https://huddle.example.com/play');

describe('revisit codes', () => {
	it('every participant gets a distinct, well-formed code at join', () => {
		const s = seedWorkshop();
		const codes = [s.alice, s.bob, s.carol].map((p) => p.revisitCode!);
		for (const code of codes) {
			expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
			expect(revisit.isWellFormed(code)).toBe(true);
		}
		expect(new Set(codes).size).toBe(3);
		expect(revisit.byCode(codes[0])?.participant.id).toBe(s.alice.id);
	});

	it('a code opens its own participant and workshop, typed in any case and with the dash', () => {
		const s = seedWorkshop();
		const typed = revisit.format(s.bob.revisitCode!).toLowerCase();
		const found = revisit.lookup(` ${typed} `, '10.0.0.1');
		expect(found.ok && found.participant.id).toBe(s.bob.id);
		expect(found.ok && found.workshop.id).toBe(s.workshop.id);
		// Typed on a Chinese keyboard in full-width mode: the same code.
		const wide = [...revisit.format(s.bob.revisitCode!)].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
		const again = revisit.lookup(wide, '10.0.0.1');
		expect(again.ok && again.participant.id).toBe(s.bob.id);
	});

	it('codeFor creates a code for a participant who joined before codes existed, once', () => {
		const s = seedWorkshop();
		const { participant } = participants.join(s.workshop.id, '老学员', null);
		const legacy = { id: participant.id, revisitCode: null };
		const first = revisit.codeFor(legacy);
		expect(revisit.codeFor(legacy)).toBe(first);
	});

	it('wrong codes are throttled per address: after ten, even the right code is refused for a while', () => {
		const s = seedWorkshop();
		const right = s.alice.revisitCode!;
		const t0 = Date.now();
		for (let i = 0; i < 10; i++) expect(revisit.lookup('ZZZZZZZZZZ', '10.0.0.2', t0)).toEqual({ ok: false, reason: 'wrong' });
		expect(revisit.lookup('ZZZZZZZZZZ', '10.0.0.2', t0)).toEqual({ ok: false, reason: 'wrong' });
		// Now the address is blocked: the right code reveals nothing.
		expect(revisit.lookup(right, '10.0.0.2', t0 + 1000)).toEqual({ ok: false, reason: 'throttled' });
		// Another address is not affected.
		expect(revisit.lookup(right, '10.0.0.3', t0 + 1000).ok).toBe(true);
		// A minute later one attempt has refilled.
		expect(revisit.lookup(right, '10.0.0.2', t0 + 61_000).ok).toBe(true);
		// Malformed input counts as a wrong code too.
		expect(revisit.lookup('<script>', '10.0.0.4', t0)).toEqual({ ok: false, reason: 'wrong' });
	});

	it('a block on an address does not close codes already opened from it, nor the device\'s own', () => {
		const s = seedWorkshop();
		const opened = s.alice.revisitCode!;
		const own = participants.join(s.workshop.id, '小吴', null).participant;
		const ownCode = revisit.codeFor(own);
		const fresh = participants.join(s.workshop.id, '小郑', null).participant;
		const freshCode = revisit.codeFor(fresh);
		const t0 = Date.now();
		expect(revisit.lookup(opened, '10.0.1.1', t0).ok).toBe(true);
		// Somebody else behind the same NAT mistypes codes until the address is blocked.
		for (let i = 0; i < 11; i++) revisit.lookup('ZZZZZZZZZZ', '10.0.1.1', t0);
		expect(revisit.lookup('ZZZZZZZZZZ', '10.0.1.1', t0 + 1000)).toEqual({ ok: false, reason: 'throttled' });
		// The recap opened before keeps working (its report saves), and so does the code of the
		// participant this device is signed in as (its cookie proves it).
		expect(revisit.lookup(opened, '10.0.1.1', t0 + 1000).ok).toBe(true);
		expect(revisit.lookup(ownCode, '10.0.1.1', t0 + 1000, ownCode).ok).toBe(true);
		// A code never opened from there is refused without being looked up: a guesser learns nothing.
		expect(revisit.lookup(freshCode, '10.0.1.1', t0 + 1000)).toEqual({ ok: false, reason: 'throttled' });
		// Claiming a code as the device's own only passes that code.
		expect(revisit.lookup(freshCode, '10.0.1.1', t0 + 1000, ownCode)).toEqual({ ok: false, reason: 'throttled' });
		// Opened from one address is not opened from another.
		for (let i = 0; i < 11; i++) revisit.lookup('ZZZZZZZZZZ', '10.0.1.2', t0);
		expect(revisit.lookup(opened, '10.0.1.2', t0 + 1000)).toEqual({ ok: false, reason: 'throttled' });
	});

	it('generates codes uniformly enough from the whole alphabet', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 400; i++) for (const c of revisit.generateCode()) seen.add(c);
		expect(seen.size).toBe(31);
	});
});

describe('the device list', () => {
	it('remembers codes newest first, HttpOnly, without duplicates, bounded', () => {
		const cookies = jar();
		device.remember(cookies, URL_, 'AAAAAAAAAA');
		device.remember(cookies, URL_, 'BBBBBBBBBB');
		device.remember(cookies, URL_, 'AAAAAAAAAA');
		expect(device.read(cookies)).toEqual(['AAAAAAAAAA', 'BBBBBBBBBB']);
		expect(cookies.options.get(device.COOKIE)).toMatchObject({ httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
		for (let i = 0; i < 50; i++) device.remember(cookies, URL_, revisit.generateCode());
		expect(device.read(cookies)).toHaveLength(device.MAX_CODES);
		expect(cookies.values.get(device.COOKIE)!.length).toBeLessThan(400);
	});

	it('ignores garbage in the cookie and forgets codes', () => {
		const cookies = jar();
		cookies.values.set(device.COOKIE, 'AAAAAAAAAA.<x>.aaaaa-aaaaa.' + 'Q'.repeat(5000));
		expect(device.read(cookies)).toEqual(['AAAAAAAAAA']);
		device.forget(cookies, URL_, 'AAAAAAAAAA');
		expect(device.read(cookies)).toEqual([]);
		expect(cookies.values.has(device.COOKIE)).toBe(false);
	});
});
