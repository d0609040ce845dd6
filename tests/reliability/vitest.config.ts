// Runs only the reliability tests (`npx vitest run --config tests/reliability/vitest.config.ts`);
// they need the built app (build/) and no Vite plugins.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: path.resolve(import.meta.dirname, '../..'),
	test: {
		expect: { requireAssertions: true },
		include: ['tests/reliability/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
