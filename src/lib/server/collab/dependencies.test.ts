import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { continues } from './dependencies';

/** A doc whose every update is recorded, as a client would send them. */
function recorder(clientID: number) {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	return { doc, updates };
}

const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('continues', () => {
	it('tells how far an update moves the clocks when it follows on from the state', () => {
		const a = recorder(1);
		a.doc.getText('t').insert(0, 'abc');
		expect(continues(a.updates[0], new Map())).toEqual(new Map([[1, 3]]));
		a.doc.getText('t').insert(3, 'de');
		expect(continues(a.updates[1], stateOf(docAt(a.updates.slice(0, 1))))).toEqual(new Map([[1, 5]]));
	});

	it('refuses a gap: a change whose earlier changes have not been seen', () => {
		const a = recorder(1);
		a.doc.getText('t').insert(0, 'abc');
		a.doc.getText('t').insert(3, 'de');
		expect(continues(a.updates[1], new Map())).toBeNull();
	});

	it('refuses content already seen, which the document has to sort out itself', () => {
		const a = recorder(1);
		a.doc.getText('t').insert(0, 'abc');
		expect(continues(a.updates[0], new Map([[1, 3]]))).toBeNull();
		expect(continues(a.updates[0], new Map([[1, 1]]))).toBeNull();
	});

	it("refuses a change placed next to another client's content that has not been seen", () => {
		const a = recorder(1);
		const b = recorder(2);
		a.doc.getText('t').insert(0, 'abc');
		Y.applyUpdate(b.doc, a.updates[0]);
		b.doc.getText('t').insert(1, 'x');
		const bUpdate = b.updates.at(-1)!;
		expect(continues(bUpdate, new Map())).toBeNull();
		expect(continues(bUpdate, new Map([[1, 3]]))).toEqual(new Map([[2, 1]]));
	});

	it("refuses a value set in another client's map that has not been seen", () => {
		const a = recorder(1);
		const b = recorder(2);
		a.doc.getMap('notes').set('n1', new Y.Map());
		Y.applyUpdate(b.doc, a.updates[0]);
		(b.doc.getMap('notes').get('n1') as Y.Map<unknown>).set('text', 'hello');
		const bUpdate = b.updates.at(-1)!;
		expect(continues(bUpdate, new Map())).toBeNull();
		expect(continues(bUpdate, new Map([[1, 1]]))).toEqual(new Map([[2, 1]]));
	});

	it('takes an update that carries its own dependencies, from several clients', () => {
		const a = recorder(1);
		const b = recorder(2);
		a.doc.getText('t').insert(0, 'abc');
		Y.applyUpdate(b.doc, a.updates[0]);
		b.doc.getText('t').insert(1, 'x');
		expect(continues(Y.encodeStateAsUpdate(b.doc), new Map())).toEqual(
			new Map([
				[1, 3],
				[2, 1]
			])
		);
	});

	it('refuses a delete of content that has not been seen', () => {
		const a = recorder(1);
		const b = recorder(2);
		a.doc.getText('t').insert(0, 'abc');
		Y.applyUpdate(b.doc, a.updates[0]);
		b.doc.getText('t').delete(0, 2);
		const deletion = b.updates.at(-1)!;
		expect(continues(deletion, new Map())).toBeNull();
		expect(continues(deletion, new Map([[1, 3]]))).toEqual(new Map());
	});

	it('throws on bytes that are not an update', () => {
		const a = recorder(1);
		a.doc.getText('t').insert(0, 'abc');
		expect(() => continues(a.updates[0].slice(0, 6), new Map())).toThrow();
	});
});

function docAt(updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}
