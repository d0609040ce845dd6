// Serves the built app on a fresh, empty database for one end-to-end run.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('test-results/e2e-data');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = path.join(dir, 'huddle.db');
await import('../../scripts/serve.js');
