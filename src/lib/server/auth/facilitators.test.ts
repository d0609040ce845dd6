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
});
