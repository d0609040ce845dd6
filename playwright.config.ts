import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// Generous: a 2-core CI machine may be busy; the assertions, not the clock, decide.
	timeout: 180_000,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	outputDir: 'test-results/e2e',
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'zh-CN',
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's chromium: browser downloads are not possible here.
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		// The first-run journey needs an empty database, so it runs before everything else.
		{ name: 'first-run', testMatch: /foundation\.test\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined } },
		{ name: 'chromium', testIgnore: /foundation\.test\.ts/, dependencies: ['first-run'], use: { ...devices['Desktop Chrome'], channel: undefined } }
	],
	webServer: {
		command: 'node tests/e2e/serve-fresh.js',
		port: PORT,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: `http://localhost:${PORT}` }
	}
});
