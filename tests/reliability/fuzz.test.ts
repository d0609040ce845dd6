import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, type SeededApp } from './lib/app';
import { fuzz } from './lib/fuzz';

// A short run for every `npm test`; `npm run test:reliability` sends 100,000 messages.
describe('protocol fuzzing', () => {
	let app: SeededApp;
	beforeAll(async () => {
		app = await seededApp([{ groups: 5, tabletsPerGroup: 4 }]);
	}, 60_000);
	afterAll(() => app?.cleanup());

	it('survives random, mutated and crafted messages while another room keeps working', async () => {
		const r = await fuzz(app, { messages: 6000, perConnection: 20, parallel: 16 });
		console.log('fuzz:', JSON.stringify(r));
		expect(r.messages).toBeGreaterThanOrEqual(6000);
		expect(r.serverAlive).toBe(true);
		expect(r.health).toBe(200);
		expect(r.byKind['crafted-count']).toBeGreaterThan(0);
		expect(r.controlConverged).toBe(true);
		expect(r.controlDisconnects).toBe(0);
		expect(r.rssPeakMb).toBeLessThan(r.rssStartMb + 300);
	}, 90_000);
});
