import os from 'node:os';
import { dev } from '$app/environment';
import { publicOrigin } from './config';

/** The origin to print on join links and QR codes, and whether tablets can reach it. */
export type RoomOrigin = { origin: string; host: string; reachable: 'yes' | 'lan' | 'this-machine-only' };

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/i;
const VIRTUAL = /^(docker|br-|veth|virbr|lo|tun|tap|utun|vmnet|vboxnet)/i;

/** The rank of a private IPv4 address as a classroom's LAN (lower first), or null if none. */
function lanRank(address: string): number | null {
	if (address.startsWith('192.168.')) return 0;
	if (address.startsWith('10.')) return 1;
	if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
	return null;
}

/** This machine's address on its LAN, the likeliest one for a classroom first. */
export function lanAddress(interfaces = os.networkInterfaces()): string | null {
	const found: { address: string; rank: number }[] = [];
	for (const [name, list] of Object.entries(interfaces)) {
		if (VIRTUAL.test(name)) continue;
		for (const a of list ?? []) {
			const rank = a.family === 'IPv4' && !a.internal ? lanRank(a.address) : null;
			if (rank !== null) found.push({ address: a.address, rank });
		}
	}
	found.sort((a, b) => a.rank - b.rank);
	return found[0]?.address ?? null;
}

/** Whether the server takes connections on every interface (HOST unset, 0.0.0.0 or ::). */
function listensEverywhere(): boolean {
	const host = process.env.HOST;
	return !host || host === '0.0.0.0' || host === '::';
}

/**
 * Where tablets should go to join. A trainer who opened Huddle as `localhost` on the laptop that
 * serves it would otherwise print a link that only that laptop can open: then the link uses the
 * laptop's LAN address instead (same port), and says so. With ORIGIN set, that is the address;
 * a server bound to one address (HOST) or the dev server keeps the address it was opened at.
 */
export function roomOrigin(
	url: URL,
	{ interfaces, devServer = dev }: { interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>; devServer?: boolean } = {}
): RoomOrigin {
	// With ORIGIN set, the request's URL is that public address (and no other would be accepted).
	if (publicOrigin() || devServer || !LOOPBACK.test(url.hostname) || !listensEverywhere()) return { origin: url.origin, host: url.host, reachable: 'yes' };
	const lan = lanAddress(interfaces);
	if (!lan) return { origin: url.origin, host: url.host, reachable: 'this-machine-only' };
	const host = url.port ? `${lan}:${url.port}` : lan;
	return { origin: `${url.protocol}//${host}`, host, reachable: 'lan' };
}
