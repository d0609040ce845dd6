// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'build/handler.js');

function newest(dir) {
	let t = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'paraglide') t = Math.max(t, newest(p));
		} else t = Math.max(t, fs.statSync(p).mtimeMs);
	}
	return t;
}

const sources = ['src', 'static', 'messages'].map((d) => path.join(root, d));
const sourceTime = Math.max(...sources.map(newest), ...['package.json', 'svelte.config.js', 'vite.config.ts'].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourceTime) {
	console.log('Building Huddle…');
	execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}
process.chdir(root);
await import('./serve.js');
