import type os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { lanAddress, roomOrigin } from './room-origin';

const nic = (address: string, internal = false): os.NetworkInterfaceInfo =>
	({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as os.NetworkInterfaceInfo;

const laptop = {
	lo: [nic('127.0.0.1', true)],
	docker0: [nic('172.17.0.1')],
	eth0: [nic('10.8.0.20')],
	wlan0: [nic('192.168.1.23')]
};

describe('the address a join link gives tablets', () => {
	const saved = { ORIGIN: process.env.ORIGIN, HOST: process.env.HOST };
	afterEach(() => {
		for (const [k, v] of Object.entries(saved)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
	});

	it('replaces localhost by the laptop\'s LAN address, same port, and says so', () => {
		delete process.env.ORIGIN;
		delete process.env.HOST;
		for (const local of ['http://localhost:3000/workshops/x', 'http://127.0.0.1:3000/x', 'http://[::1]:3000/x']) {
			expect(roomOrigin(new URL(local), { interfaces: laptop, devServer: false })).toEqual({ origin: 'http://192.168.1.23:3000', host: '192.168.1.23:3000', reachable: 'lan' });
		}
	});

	it('keeps an address the tablets already reach', () => {
		delete process.env.ORIGIN;
		expect(roomOrigin(new URL('http://192.168.1.23:3000/x'), { interfaces: laptop, devServer: false })).toEqual({ origin: 'http://192.168.1.23:3000', host: '192.168.1.23:3000', reachable: 'yes' });
		expect(roomOrigin(new URL('http://huddle.lan/x'), { interfaces: laptop, devServer: false }).origin).toBe('http://huddle.lan');
	});

	it('warns when the machine has no LAN address to offer', () => {
		delete process.env.ORIGIN;
		delete process.env.HOST;
		expect(roomOrigin(new URL('http://localhost:3000/x'), { interfaces: { lo: [nic('127.0.0.1', true)], docker0: [nic('172.17.0.1')] }, devServer: false })).toEqual({
			origin: 'http://localhost:3000',
			host: 'localhost:3000',
			reachable: 'this-machine-only'
		});
	});

	it('never second-guesses ORIGIN, nor a server bound to one address', () => {
		process.env.ORIGIN = 'http://localhost:3000';
		expect(roomOrigin(new URL('http://localhost:3000/x'), { interfaces: laptop, devServer: false }).reachable).toBe('yes');
		delete process.env.ORIGIN;
		process.env.HOST = '127.0.0.1';
		expect(roomOrigin(new URL('http://localhost:3000/x'), { interfaces: laptop, devServer: false }).origin).toBe('http://localhost:3000');
		process.env.HOST = '0.0.0.0';
		expect(roomOrigin(new URL('http://localhost:3000/x'), { interfaces: laptop, devServer: false }).origin).toBe('http://192.168.1.23:3000');
	});

	it('keeps the dev server\'s address (it listens on localhost only)', () => {
		delete process.env.ORIGIN;
		delete process.env.HOST;
		expect(roomOrigin(new URL('http://localhost:5173/x'), { interfaces: laptop, devServer: true }).origin).toBe('http://localhost:5173');
	});

	it('prefers a home or office LAN over other private ranges, and skips virtual bridges', () => {
		expect(lanAddress(laptop)).toBe('192.168.1.23');
		expect(lanAddress({ docker0: [nic('172.17.0.1')], eth0: [nic('172.20.4.9')] })).toBe('172.20.4.9');
		expect(lanAddress({ eth0: [nic('8.8.8.8')] })).toBeNull();
	});
});
