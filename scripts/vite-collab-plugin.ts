import type { Plugin } from 'vite';

/**
 * In development, routes websocket upgrades on /collab/ to the same collaboration server the
 * production entry uses, loaded through Vite's SSR module graph so it shares the app's modules.
 */
export function collabDevServer(): Plugin {
	return {
		name: 'huddle-collab-dev',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith('/collab/')) return; // Vite's own HMR socket
				server
					.ssrLoadModule('/src/lib/server/collab/instance.ts')
					.then((mod) => mod.get().handleUpgrade(req, socket, head))
					.catch((error) => {
						server.config.logger.error(`collab upgrade failed: ${String(error)}`);
						socket.destroy();
					});
			});
		}
	};
}
