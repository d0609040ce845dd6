// The production entry: adapter-node's request handler and the collaboration server's websocket
// upgrades on one http server, one port. Configuration: PORT, HOST (see README).
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { staticGuard } from './static-guard.js';

// adapter-node takes a request as https unless ORIGIN or PROTOCOL_HEADER says otherwise: served
// directly (`npm start` on a laptop or a classroom LAN), every form would then be refused as
// cross-site and every cookie marked Secure. Without either setting the requests are plain http
// (this server speaks nothing else), so say so through a header of our own, set on every request
// so that no client can choose it. Behind a TLS proxy, ORIGIN or PROTOCOL_HEADER is set (README).
const DIRECT_PROTOCOL = 'x-huddle-direct-protocol';
const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (direct) process.env.PROTOCOL_HEADER = DIRECT_PROTOCOL;

// build/ exists only after `vite build`; a computed path keeps the type checker out of it.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const UPGRADE = Symbol.for('huddle.upgrade');
const SHUTDOWN = Symbol.for('huddle.shutdown');
/** Set by the app's init hook (src/hooks.server.ts). */
const hooks = /** @type {{ [UPGRADE]?: (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void, [SHUTDOWN]?: () => Promise<void> }} */ (globalThis);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const guard = staticGuard(fileURLToPath(new URL('../build/client', import.meta.url)));

const server = http.createServer((req, res) => {
	if (direct) req.headers[DIRECT_PROTOCOL] = 'http';
	guard(req, res, () => handler(req, res));
});
server.on('upgrade', (req, socket, head) => {
	socket.on('error', () => socket.destroy());
	const upgrade = hooks[UPGRADE];
	if (req.url?.startsWith('/collab/') && upgrade) upgrade(req, socket, head);
	else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
});
server.listen(port, host, () => {
	const everywhere = host === '0.0.0.0' || host === '::';
	console.log(`Huddle listening on http://${everywhere ? 'localhost' : host}:${port}`);
	if (everywhere && !process.env.ORIGIN) {
		// Tablets cannot open localhost: these are the addresses they can.
		const lan = Object.values(os.networkInterfaces())
			.flat()
			.filter((a) => a && a.family === 'IPv4' && !a.internal)
			.map((a) => `http://${a?.address}:${port}`);
		if (lan.length) console.log(`  on this network: ${lan.join('  ')}`);
	}
});

let stopping = false;
/** @param {string} signal */
async function stop(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing connections`);
	server.close();
	server.closeIdleConnections?.();
	const timer = setTimeout(() => process.exit(1), 10_000);
	try {
		await hooks[SHUTDOWN]?.();
	} finally {
		clearTimeout(timer);
		process.exit(0);
	}
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
