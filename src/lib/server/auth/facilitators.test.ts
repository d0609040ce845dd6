import { describe, expect, it } from 'vitest';
import { useTempDb } from '../testing';
import * as facilitators from './facilitators';

// One database for the file, and the tests run in order: the first starts from no account.
useTempDb();

const account = (email: string, first = false) => ({ email, name: '王老师', password: 'correct horse', isAdmin: first, first });

describe('facilitator accounts', () => {
	it('lets only one of two first-run set-ups at once make the first administrator', async () => {
		expect(facilitators.total()).toBe(0);
		const results = await Promise.allSettled([facilitators.create(account('li@example.com', true)), facilitators.create(account('zhao@example.com', true))]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(facilitators.NotFirst);
		expect(facilitators.total()).toBe(1);
	});

	it('creates one account of a form sent twice at once, and says the address is taken', async () => {
		const results = await Promise.allSettled([facilitators.create(account('Wang@Example.com')), facilitators.create(account('wang@example.com '))]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(facilitators.EmailTaken);
		expect(facilitators.list().filter((f) => f.email === 'wang@example.com')).toHaveLength(1);
	});

	it('never turns off the last admin who can sign in, and keeps a turned-off account\'s first date', () => {
		const first = facilitators.list().find((f) => f.isAdmin)!;
		expect(() => facilitators.setDisabled(first.id, true)).toThrow(facilitators.LastAdmin);
		const trainer = facilitators.list().find((f) => !f.isAdmin)!;
		const when = new Date('2026-11-30T08:00:00Z');
		expect(facilitators.setDisabled(trainer.id, true, when)).toBe(true);
		expect(facilitators.setDisabled(trainer.id, true, new Date())).toBe(true);
		expect(facilitators.byId(trainer.id)!.disabledAt).toEqual(when);
		expect(facilitators.setDisabled(trainer.id, false)).toBe(true);
		expect(facilitators.byId(trainer.id)!.disabledAt).toBeNull();
		expect(facilitators.setDisabled('nobody', true)).toBe(false);
	});
});
