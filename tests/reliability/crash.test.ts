import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, type SeededApp } from './lib/app';
import { crashUnderLoad } from './lib/crash';

describe('kill -9 under load', () => {
	let app: SeededApp;
	beforeAll(async () => {
		app = await seededApp([{ groups: 6, tabletsPerGroup: 5 }]);
	}, 60_000);
	afterAll(() => app?.cleanup());

	it('loses nothing any peer had received', async () => {
		const r = await crashUnderLoad(app);
		console.log('crash:', JSON.stringify(r));
		expect(r.edits).toBeGreaterThan(50); // load really ran (fewer edits fit on a busy machine)
		expect(r.framesReceived).toBeGreaterThan(50);
		expect(r.peersMissingSomething).toBe(0);
		expect(r.tabletsMissingAfterReconnect).toBe(0);
	}, 90_000);
});
