import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, notesByQuadrant, QUADRANTS } from '../../src/lib/activities/pest/model';
import { parseDoc, privateDoc } from '../../src/lib/docs';
import { AppProcess, provider, synced, until } from './harness';
import { seed } from './seed';

// Ending a workshop against the real server: what the boards hold at the end is snapshotted,
// private notes of a silent phase nobody revealed included.

const app = new AppProcess();
let s: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
	s = await seed(app.dbPath);
	await app.start();
});

afterAll(async () => {
	await app.stop('SIGKILL');
	app.cleanup();
});

const notes = (doc: Y.Doc) => QUADRANTS.flatMap((q) => notesByQuadrant(doc)[q]);

function snapshotOf(doc: string): Y.Doc {
	const db = new Database(app.dbPath, { readonly: true });
	try {
		const row = db.prepare<[string], { state: Buffer }>('SELECT state FROM snapshot WHERE doc = ?').get(doc);
		const ydoc = new Y.Doc();
		if (row) Y.applyUpdate(ydoc, row.state);
		return ydoc;
	} finally {
		db.close();
	}
}

describe('ending a workshop', () => {
	it('puts unrevealed private notes on the group board before the snapshot', async () => {
		const ref = parseDoc(s.docs.board1);
		if (ref?.type !== 'board') throw new Error('unexpected board name');
		const mine = provider(app, privateDoc(ref.activityId, s.alice.id), s.alice.cookie);
		const board = provider(app, s.docs.board1, s.bob.cookie);
		await Promise.all([synced(mine), synced(board)]);
		addNote(board.doc, { quadrant: 'E', text: '油价上涨', author: 'Bob' });
		addNote(mine.doc, { quadrant: 'P', text: '乡村振兴政策', author: 'Alice' });
		// Both are stored once the facilitator can read them.
		const reader = provider(app, privateDoc(ref.activityId, s.alice.id), s.facilitator);
		await synced(reader);
		await until(() => notes(reader.doc).length === 1);

		const res = await fetch(`${app.url}/workshops/${s.workshop.id}?/status`, {
			method: 'POST',
			headers: {
				cookie: s.facilitator,
				origin: app.url,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ status: 'ended' })
		});
		expect(await res.json()).toMatchObject({ type: 'success' });
		for (const p of [mine, board, reader]) p.destroy();

		const ended = snapshotOf(s.docs.board1);
		expect(notes(ended).map((n) => [n.text, n.author]).sort()).toEqual([
			['乡村振兴政策', 'Alice'],
			['油价上涨', 'Bob']
		]);
	});
});
