// The production entry: adapter-node's request handler and the collaboration server's websocket
// upgrades on one http server, one port. Configuration: PORT, HOST (see README).
import http from 'node:http';
// build/ exists only after `vite build`; a computed path keeps the type checker out of it.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const UPGRADE = Symbol.for('huddle.upgrade');
const SHUTDOWN = Symbol.for('huddle.shutdown');
/** Set by the app's init hook (src/hooks.server.ts). */
const hooks = /** @type {{ [UPGRADE]?: (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void, [SHUTDOWN]?: () => Promise<void> }} */ (globalThis);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const server = http.createServer(handler);
server.on('upgrade', (req, socket, head) => {
	socket.on('error', () => socket.destroy());
	const upgrade = hooks[UPGRADE];
	if (req.url?.startsWith('/collab/') && upgrade) upgrade(req, socket, head);
	else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
});
server.listen(port, host, () => {
	console.log(`Huddle listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
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
