// Page weight and time-to-edit of the learner's board, as a mid-range tablet sees it.
//   npm run bench:tablet               (needs `npm run build` first and Debian's chromium)
// Prints: JavaScript transferred for the first load of /play (gzip-compressed sizes), and the
// time from navigation until the board accepts edits, with the CPU slowed down 4×.
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { AppProcess, provider, synced } from '../tests/integration/harness';
import { seed } from '../tests/integration/seed';

const RUNS = Number(process.env.RUNS || 5);
const app = new AppProcess();
const s = await seed(app.dbPath);
await app.start();

// Open the activity on the tablets, as the facilitator's console does.
const live = provider(app, s.docs.live, s.facilitator);
await synced(live);
const activityId = s.docs.board1.split('.')[1];
live.doc.getMap('state').set('activityId', activityId);
await new Promise((r) => setTimeout(r, 300));

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const cookie = s.alice.cookie.split('=');
const results: { jsRaw: number; jsGzip: number; ms: number }[] = [];
for (let run = 0; run < RUNS; run++) {
	const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' });
	await context.addCookies([{ name: cookie[0], value: cookie[1], url: app.url }]);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	let jsRaw = 0;
	let jsGzip = 0;
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js')) return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		jsRaw += body.length;
		jsGzip += zlib.gzipSync(body, { level: 9 }).length;
	});
	const t0 = Date.now();
	await page.goto(`${app.url}/play`);
	await page.getByRole('button', { name: /添加便签/ }).first().waitFor({ state: 'visible' });
	await page.waitForFunction(() => {
		const b = document.querySelector<HTMLButtonElement>('button[aria-label^="添加便签"]');
		return !!b && !b.disabled;
	});
	const ms = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	results.push({ jsRaw, jsGzip, ms });
	await context.close();
}
await browser.close();
live.destroy();
await app.stop();
app.cleanup();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`learner board (/play), ${RUNS} cold loads, 1024×768, CPU slowed 4×, service worker off`);
console.log(`  JavaScript: ${kb(median(results.map((r) => r.jsRaw)))} raw, ${kb(median(results.map((r) => r.jsGzip)))} gzip (budget 150 KB gzip)`);
console.log(`  time until the board accepts edits: median ${median(results.map((r) => r.ms))} ms, runs ${results.map((r) => r.ms).join(', ')} ms (budget 2500 ms)`);
// The app's child process and the browser's sockets can keep the event loop alive; the numbers are out.
process.exit(0);
