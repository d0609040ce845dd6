import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess } from './harness';

// A build made while the server runs replaces the files it listed at start: a request for one
// of the old ones must get a 404, not end the process (and every classroom with it).
describe('a build replaced under the running server', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-rebuild-'));
	const app = new AppProcess(root);

	beforeAll(async () => {
		fs.cpSync('build', path.join(root, 'build'), { recursive: true });
		fs.cpSync('scripts', path.join(root, 'scripts'), { recursive: true });
		fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
		await app.start();
	});
	afterAll(async () => {
		await app.stop();
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('answers 404 for a listed file that is gone and keeps serving', async () => {
		const dir = path.join(root, 'build/client/_app/immutable/entry');
		const entry = fs.readdirSync(dir).find((f) => f.endsWith('.js'))!;
		const asset = `/_app/immutable/entry/${entry}`;
		for (const encoding of ['br', 'gzip', 'identity']) {
			expect((await fetch(`${app.url}${asset}`, { headers: { 'accept-encoding': encoding } })).status).toBe(200);
		}
		expect((await fetch(`${app.url}/favicon.svg`)).status).toBe(200);

		// What a new build does to the old files: they are gone.
		for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
		for (const f of fs.readdirSync(path.join(root, 'build/client')).filter((f) => f.startsWith('favicon.svg'))) {
			fs.rmSync(path.join(root, 'build/client', f));
		}
		for (const encoding of ['br', 'gzip', 'identity']) {
			const res = await fetch(`${app.url}${asset}`, { headers: { 'accept-encoding': encoding } });
			expect(res.status).toBe(404);
			expect(await res.text()).toContain('reload');
		}
		expect((await fetch(`${app.url}/favicon.svg`, { headers: { 'accept-encoding': 'br' } })).status).toBe(404);
		// Still up, and its pages still answer.
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
		expect((await fetch(`${app.url}/join`)).status).toBe(200);
	});
});
