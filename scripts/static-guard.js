// The static files are listed once, when the server starts (adapter-node's file server does the
// same). A build made while the server runs (an upgrade, `npm test` in the same folder) replaces
// them, and that file server then opens a listed file that is gone without handling the error:
// the whole process exits, taking every classroom with it. This answers such requests with a
// 404 first; the rest of the time it costs one `stat` per static file request.
import fs from 'node:fs';
import path from 'node:path';

/**
 * A request handler to put in front of the app's: a request for a static file of `clientDir`
 * that is no longer there gets a 404 here; every other request goes on to `next`.
 * @param {string} clientDir
 */
export function staticGuard(clientDir) {
	/** @type {Set<string>} URL paths of the files outside /_app/ (static/: icons, fonts, manifest) */
	const listed = new Set();
	/** @param {string} dir */
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (p !== path.join(clientDir, '_app')) walk(p);
			} else listed.add('/' + path.relative(clientDir, p).split(path.sep).join('/'));
		}
	};
	if (fs.existsSync(clientDir)) walk(clientDir);

	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {() => void} next
	 */
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		let pathname;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			return next();
		}
		if (!pathname.startsWith('/_app/') && !listed.has(pathname)) return next();
		const file = path.join(clientDir, pathname);
		if (!file.startsWith(clientDir + path.sep)) return next();
		fs.stat(file, (error) => {
			if (!error) return next();
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
			res.end('Not found: the app was updated; reload the page.\n');
		});
	};
}
