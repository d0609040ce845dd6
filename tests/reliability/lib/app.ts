// The built app on a freshly seeded database, for the reliability checks.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { seedClasses, type ClassShape, type SeededClass } from '../../../bench/lib/seed';
import { startApp, type ServerProcess } from '../../../bench/lib/proc';

/** Folder with build/ to run: HUDDLE_APP_DIR, or the working directory. */
export const appDir = path.resolve(process.env.HUDDLE_APP_DIR || process.cwd());

let nextPort = 4330 + Math.floor(Math.random() * 40);

/** A free port in 4330–4399 (this project's range for test servers). */
export async function freePort(): Promise<number> {
	for (let tries = 0; tries < 70; tries++) {
		const port = nextPort;
		nextPort = nextPort >= 4399 ? 4330 : nextPort + 1;
		const free = await new Promise<boolean>((resolve) => {
			const srv = net.createServer();
			srv.once('error', () => resolve(false));
			srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error('no free port in 4330–4399');
}

/** A running app with its seeded classes. */
export interface SeededApp {
	server: ServerProcess;
	classes: SeededClass[];
	dbPath: string;
	/** Restarts the process on the same database and port (after a crash, say). */
	restart(): Promise<void>;
	/** Stops the process and removes the database. */
	cleanup(): Promise<void>;
}

/**
 * Seeds `shapes` and starts the built app on them. ORIGIN defaults to the plain-http loopback
 * address, as a deployment behind a proxy sets it.
 */
export async function seededApp(shapes: ClassShape[], extraEnv: NodeJS.ProcessEnv = {}): Promise<SeededApp> {
	if (!fs.existsSync(path.join(appDir, 'build/handler.js'))) throw new Error(`${appDir}/build is missing: run \`npm run build\` first`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-rel-'));
	const dbPath = path.join(dir, 'huddle.db');
	const classes = await seedClasses(dbPath, shapes);
	const port = await freePort();
	const env = { ORIGIN: `http://127.0.0.1:${port}`, ...extraEnv };
	const app: SeededApp = {
		server: await startApp({ appDir, dbPath, port, env }),
		classes,
		dbPath,
		async restart() {
			await app.server.stop();
			app.server = await startApp({ appDir, dbPath, port, env });
		},
		async cleanup() {
			await app.server.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	return app;
}
