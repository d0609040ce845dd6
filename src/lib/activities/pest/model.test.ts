import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	MAX_TEXT,
	MAX_WEIGHT_SCALE,
	QUADRANTS,
	addNote,
	deleteNote,
	editText,
	moveNote,
	notesByQuadrant,
	notesMap,
	outcomes,
	readDefinition,
	setCountermeasure,
	setKind,
	setWeight,
	toggleVote,
	votesMap,
	votesOf,
	type Quadrant
} from './model';

/** Sends each document the updates it is missing from the other. */
function exchange(a: Y.Doc, b: Y.Doc) {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

/** Two empty peers of the same document. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	return { a, b };
}

function add(doc: Y.Doc, quadrant: Quadrant, text: string) {
	const id = addNote(doc, { quadrant, text, author: 'Li' });
	expect(id).toBeTypeOf('string');
	return id as string;
}

function texts(doc: Y.Doc) {
	const grouped = notesByQuadrant(doc);
	return {
		P: grouped.P.map((n) => n.text),
		E: grouped.E.map((n) => n.text),
		S: grouped.S.map((n) => n.text),
		T: grouped.T.map((n) => n.text)
	};
}

describe('concurrent edits converge', () => {
	it('keeps notes added on both sides', () => {
		const { a, b } = pair();
		add(a, 'P', '政策补贴');
		add(a, 'E', '价格战');
		add(b, 'P', '邮政改革');
		add(b, 'T', '无人车配送');
		exchange(a, b);
		expect(notesByQuadrant(a)).toEqual(notesByQuadrant(b));
		expect(texts(a).P.sort()).toEqual(['政策补贴', '邮政改革'].sort());
		expect(texts(a).E).toEqual(['价格战']);
		expect(texts(a).T).toEqual(['无人车配送']);
	});

	it('applies a move and a text edit of the same note made at once', () => {
		const { a, b } = pair();
		const id = add(a, 'P', 'draft');
		add(b, 'S', 'other');
		exchange(a, b);

		expect(moveNote(a, id, 'E')).toBe(true);
		expect(editText(b, id, '电商件量增长')).toBe(true);
		expect(setKind(b, id, 'opportunity')).toBe(true);
		exchange(a, b);

		expect(notesByQuadrant(a)).toEqual(notesByQuadrant(b));
		const [note] = notesByQuadrant(a).E;
		expect(note).toMatchObject({ id, text: '电商件量增长', kind: 'opportunity', quadrant: 'E' });
		expect(notesByQuadrant(a).P).toEqual([]);
	});

	it('lets a delete win over a concurrent edit', () => {
		const { a, b } = pair();
		const id = add(a, 'S', '老龄化');
		const keep = add(a, 'S', '社区团购');
		exchange(a, b);

		expect(deleteNote(a, id)).toBe(true);
		expect(editText(b, id, '老龄化加速')).toBe(true);
		expect(setCountermeasure(b, id, '上门揽收')).toBe(true);
		exchange(a, b);

		expect(notesByQuadrant(a)).toEqual(notesByQuadrant(b));
		expect(notesByQuadrant(a).S.map((n) => n.id)).toEqual([keep]);
	});

	it('orders concurrently moved notes the same way on every peer', () => {
		const { a, b } = pair();
		const one = add(a, 'P', 'one');
		const two = add(a, 'E', 'two');
		exchange(a, b);
		moveNote(a, one, 'T');
		moveNote(b, two, 'T');
		exchange(a, b);
		expect(notesByQuadrant(a).T.map((n) => n.id).sort()).toEqual([one, two].sort());
		expect(notesByQuadrant(a)).toEqual(notesByQuadrant(b));
	});
});

describe('validation', () => {
	it('trims text and rejects empty, too long or misplaced notes', () => {
		const doc = new Y.Doc();
		const id = add(doc, 'P', '  补贴政策  ');
		expect(notesByQuadrant(doc).P[0].text).toBe('补贴政策');
		expect(addNote(doc, { quadrant: 'P', text: '   ' })).toBeNull();
		expect(addNote(doc, { quadrant: 'P', text: 'x'.repeat(MAX_TEXT + 1) })).toBeNull();
		expect(addNote(doc, { quadrant: 'P', text: 'x'.repeat(MAX_TEXT) })).toBeTypeOf('string');
		expect(addNote(doc, { quadrant: 'X' as Quadrant, text: 'hi' })).toBeNull();
		expect(editText(doc, id, '')).toBe(false);
		expect(editText(doc, id, 'y'.repeat(MAX_TEXT + 1))).toBe(false);
		expect(editText(doc, 'missing', 'text')).toBe(false);
		expect(moveNote(doc, id, 'Q' as Quadrant)).toBe(false);
		expect(notesByQuadrant(doc).P.map((n) => n.text)).toContain('补贴政策');
	});

	it('checks kind, weight and countermeasure', () => {
		const doc = new Y.Doc();
		const id = add(doc, 'E', '运价下降');
		expect(setKind(doc, id, 'maybe' as never)).toBe(false);
		expect(setKind(doc, id, 'threat')).toBe(true);
		expect(setWeight(doc, id, 0, 5)).toBe(false);
		expect(setWeight(doc, id, 6, 5)).toBe(false);
		expect(setWeight(doc, id, 2.5, 5)).toBe(false);
		expect(setWeight(doc, id, 4, 5)).toBe(true);
		expect(setCountermeasure(doc, id, 'z'.repeat(MAX_TEXT + 1))).toBe(false);
		expect(setCountermeasure(doc, id, '  降本增效 ')).toBe(true);
		expect(notesByQuadrant(doc, 5).E[0]).toMatchObject({ kind: 'threat', weight: 4, countermeasure: '降本增效' });
		expect(setCountermeasure(doc, id, '')).toBe(true);
		expect(setWeight(doc, id, null, 5)).toBe(true);
		expect(notesByQuadrant(doc, 5).E[0]).toMatchObject({ countermeasure: '', weight: undefined });
	});
});

describe('reading a document any client may have written', () => {
	it('ignores garbage notes and neutralises garbage fields', () => {
		const doc = new Y.Doc();
		const good = add(doc, 'T', '5G 分拣');
		const notes = notesMap(doc) as unknown as Y.Map<unknown>;
		doc.transact(() => {
			notes.set('str', 'not a map');
			notes.set('num', 42);
			const badQuadrant = new Y.Map<unknown>();
			badQuadrant.set('quadrant', 'X');
			badQuadrant.set('text', 'lost');
			notes.set('badq', badQuadrant);
			const badText = new Y.Map<unknown>();
			badText.set('quadrant', 'P');
			badText.set('text', { html: '<b>x</b>' });
			notes.set('badtext', badText);
			const blank = new Y.Map<unknown>();
			blank.set('quadrant', 'P');
			blank.set('text', '   ');
			notes.set('blank', blank);
			const odd = new Y.Map<unknown>();
			odd.set('quadrant', 'S');
			odd.set('text', 'w'.repeat(MAX_TEXT + 50));
			odd.set('kind', 'banana');
			odd.set('weight', 99);
			odd.set('countermeasure', 7);
			odd.set('author', ['x']);
			odd.set('createdAt', 'yesterday');
			odd.set('order', Number.NaN);
			notes.set('odd', odd);
			votesMap(doc).set('garbage', 1);
			votesMap(doc).set(`${good}:p:1`, 1);
			votesMap(doc).set(`${good}:p:2`, 'many' as unknown as number);
		});

		const grouped = notesByQuadrant(doc, 5);
		expect(grouped.P).toEqual([]);
		expect(grouped.E).toEqual([]);
		expect(grouped.T.map((n) => n.id)).toEqual([good]);
		expect(grouped.T[0].votes).toBe(1);
		expect(grouped.S).toHaveLength(1);
		expect(grouped.S[0]).toMatchObject({
			id: 'odd',
			kind: null,
			weight: undefined,
			countermeasure: '',
			author: '',
			createdAt: 0,
			order: 0
		});
		expect(grouped.S[0].text).toHaveLength(MAX_TEXT);
		expect(editText(doc, 'str', 'hello')).toBe(false);
		expect(deleteNote(doc, 'num')).toBe(false);
	});

	it('reads a garbage definition with defaults', () => {
		const def = readDefinition({
			quadrants: [
				{ key: 'P', title: { 'zh-CN': '政治', en: 'Politics' }, prompt: { 'zh-CN': '如何争取政策支持？', en: '' } },
				{ key: 'Z', title: { en: 'nope' } },
				'junk'
			],
			votes_per_participant: -1,
			weight_scale: 'five'
		});
		expect(def.quadrants.P.title).toEqual({ 'zh-CN': '政治', en: 'Politics' });
		expect(def.quadrants.P.prompt).toEqual({ 'zh-CN': '如何争取政策支持？', en: '如何争取政策支持？' });
		expect(def.quadrants.E).toEqual({ title: null, prompt: null });
		expect(def.votesPerParticipant).toBe(3);
		expect(def.weightScale).toBe(5);
		expect(readDefinition(null).quadrants.T).toEqual({ title: null, prompt: null });
	});
});

describe('votes', () => {
	it('respects the limit per voter and gives votes back when toggled or deleted', () => {
		const doc = new Y.Doc();
		const [n1, n2, n3] = [add(doc, 'P', 'a'), add(doc, 'E', 'b'), add(doc, 'S', 'c')];
		const voter = 'p:17';
		expect(toggleVote(doc, n1, voter, 2)).toBe('added');
		expect(toggleVote(doc, n2, voter, 2)).toBe('added');
		expect(toggleVote(doc, n3, voter, 2)).toBe('limit');
		expect(toggleVote(doc, n3, 'p:18', 2)).toBe('added');
		expect(toggleVote(doc, n1, voter, 2)).toBe('removed');
		expect(toggleVote(doc, n3, voter, 2)).toBe('added');
		expect(notesByQuadrant(doc).S[0].votes).toBe(2);

		deleteNote(doc, n2);
		expect(toggleVote(doc, n1, voter, 2)).toBe('added');
		expect(toggleVote(doc, 'missing', voter, 2)).toBe('invalid');
		expect(toggleVote(doc, n1, '', 2)).toBe('invalid');
		expect(toggleVote(doc, n1, voter, 0)).toBe('removed');
		expect(toggleVote(doc, n1, voter, 0)).toBe('limit');
	});

	it('does not count votes for notes deleted by someone else', () => {
		const { a, b } = pair();
		const n1 = add(a, 'P', 'a');
		const n2 = add(a, 'P', 'b');
		exchange(a, b);
		expect(toggleVote(b, n1, 'v', 1)).toBe('added');
		deleteNote(a, n1);
		exchange(a, b);
		expect(toggleVote(b, n2, 'v', 1)).toBe('added');
	});
});

describe('votes of one voter', () => {
	it('counts exactly what the limit counts: live notes, real votes', () => {
		const doc = new Y.Doc();
		const [n1, n2, n3] = [add(doc, 'P', 'a'), add(doc, 'E', 'b'), add(doc, 'S', 'c')];
		toggleVote(doc, n1, 'p:1', 3);
		toggleVote(doc, n2, 'p:1', 3);
		toggleVote(doc, n3, 'p:2', 3);
		// Garbage from another client: a vote's value is when it was cast, a positive number.
		votesMap(doc).set(`${n3}:p:1`, -7 as number);
		votesMap(doc).set(`${n3}:p:3`, 'yes' as unknown as number);
		deleteNote(doc, n2);
		expect([...votesOf(doc, 'p:1')]).toEqual([n1]);
		expect([...votesOf(doc, 'p:2')]).toEqual([n3]);
		expect(votesOf(doc, 'nobody').size).toBe(0);
		expect(votesOf(doc, 'p:3').size).toBe(0);
	});

	it('counts only the earliest votes when one learner’s two tablets voted apart', () => {
		const a = new Y.Doc();
		const ids = ['a', 'b', 'c', 'd'].map((t, i) => add(a, QUADRANTS[i], t));
		toggleVote(a, ids[0], 'p:1', 3, 1000);
		toggleVote(a, ids[1], 'p:1', 3, 2000);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// Apart (offline), each tablet takes the third vote on another note.
		expect(toggleVote(a, ids[2], 'p:1', 3, 3000)).toBe('added');
		expect(toggleVote(b, ids[3], 'p:1', 3, 4000)).toBe('added');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const doc of [a, b]) {
			expect([...votesOf(doc, 'p:1', 3)].sort()).toEqual([ids[0], ids[1], ids[2]].sort());
			const counts = QUADRANTS.flatMap((q) => notesByQuadrant(doc, MAX_WEIGHT_SCALE, 3)[q]).map((n) => n.votes);
			expect(counts.reduce((x, y) => x + y, 0)).toBe(3);
			// A tap on the uncounted one clears it; no further vote gets in.
			expect(toggleVote(doc, ids[3], 'p:1', 3)).toBe('removed');
			expect(toggleVote(doc, ids[3], 'p:1', 3)).toBe('limit');
		}
	});
});

describe('outcomes', () => {
	it('lists opportunities by weight, then votes, with their countermeasures', () => {
		const doc = new Y.Doc();
		const light = add(doc, 'P', 'light');
		const heavy = add(doc, 'E', 'heavy');
		const voted = add(doc, 'S', 'voted');
		const threat = add(doc, 'T', 'threat');
		for (const id of [light, heavy, voted]) setKind(doc, id, 'opportunity');
		setKind(doc, threat, 'threat');
		setWeight(doc, heavy, 5, 5);
		setWeight(doc, light, 2, 5);
		setWeight(doc, voted, 2, 5);
		toggleVote(doc, voted, 'v1', 3);
		setCountermeasure(doc, heavy, '抢占电商市场');

		const list = outcomes(doc, 5);
		expect(list.map((n) => n.id)).toEqual([heavy, voted, light]);
		expect(list[0].countermeasure).toBe('抢占电商市场');
	});
});
