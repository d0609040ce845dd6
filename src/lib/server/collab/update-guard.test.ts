import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { checkUpdate } from './update-guard';

function varUints(...values: number[]): Uint8Array {
	const e = encoding.createEncoder();
	for (const v of values) encoding.writeVarUint(e, v);
	return encoding.toUint8Array(e);
}

function realUpdates() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	const updates: Uint8Array[] = [];
	a.on('update', (u: Uint8Array) => updates.push(u));
	const note = new Y.Map<unknown>();
	a.getMap('notes').set('n1', note);
	note.set('text', '你好 <script>');
	a.getText('t').insert(0, 'hello');
	a.getText('t').delete(1, 2);
	b.getArray('a').insert(0, [1, 'x', { k: [1, 2] }, new Uint8Array([1])]);
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
	return { updates, full: Y.encodeStateAsUpdate(a) };
}

describe('checkUpdate', () => {
	it('lets every update Yjs itself produces through, one client or many', () => {
		const { updates, full } = realUpdates();
		for (const u of [...updates, full, Y.encodeStateAsUpdate(new Y.Doc())]) expect(() => checkUpdate(u)).not.toThrow();
	});

	it('refuses a tiny update whose first client declares millions of structs', () => {
		// 1 client, 30M structs, client 1, clock 0: Yjs would allocate ~240 MB before failing.
		const crafted = varUints(1, 30_000_000, 1, 0, 0);
		expect(() => checkUpdate(crafted)).toThrow(/more structs/);
	});

	it('refuses a crafted count hidden behind a valid first client', () => {
		// Client 1 has one GC struct (info 0, length 1); client 2 then declares 11 million structs.
		const crafted = varUints(2, 1, 1, 0, 0, 1, 11_000_000, 2, 0, 0);
		expect(() => checkUpdate(crafted)).toThrow();
	});

	it('refuses more clients than bytes', () => {
		expect(() => checkUpdate(varUints(1_000_000, 0))).toThrow(/more clients/);
	});

	it('keeps the crafted updates from ever reaching the slow path quickly', () => {
		const started = performance.now();
		for (let i = 0; i < 1000; i++) {
			expect(() => checkUpdate(varUints(2, 1, 1, 0, 0, 1, 16_000_000 + i, 2, 0, 0))).toThrow();
		}
		expect(performance.now() - started).toBeLessThan(1000);
	});
});
