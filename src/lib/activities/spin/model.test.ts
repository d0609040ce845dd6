import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as model from './model';
import { debrief, deepShare, overall, percent } from './stats';
import { readDefinition } from './definition';

/** Sends each document the updates it is missing from the other. */
function exchange(a: Y.Doc, b: Y.Doc) {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

describe('concurrent logging converges', () => {
	it('keeps every question two observers log at once, in the same order on both', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		model.logQuestion(a, 1, 'S', '现在每天发多少件？', '小李', 1000);
		model.logQuestion(a, 1, 'P', '', '小李', 2000);
		model.logQuestion(b, 1, 'I', '延误对门店有什么影响？', '小王', 1500);
		model.logQuestion(b, 1, 'N', '', '小王', 2000);
		exchange(a, b);
		expect(model.questions(a)).toEqual(model.questions(b));
		expect(model.questions(a).map((q) => q.type).slice(0, 2)).toEqual(['S', 'I']);
		expect(model.questions(a)).toHaveLength(4);
	});

	it('merges a retype, a deletion, objections, notes and the next step made on two tablets', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const q1 = model.logQuestion(a, 1, 'S')!;
		const q2 = model.logQuestion(a, 1, 'S')!;
		const o = model.addObjection(a, 1, '价格太贵')!;
		exchange(a, b);
		expect(model.retypeQuestion(a, q1, 'P')).toBe(true);
		expect(model.removeEntry(b, 'questions', q2)).toBe(true);
		expect(model.setHandling(b, o, '算总账：破损和投诉成本')).toBe(true);
		expect(model.setHandled(a, o, true)).toBe(true);
		model.addNote(a, 1, '暗示问题太少');
		model.setNextStep(b, 1, 'agreed');
		model.setTimer(a, 1, 5000);
		exchange(a, b);
		for (const doc of [a, b]) {
			expect(model.questions(doc).map((q) => [q.id, q.type])).toEqual([[q1, 'P']]);
			expect(model.objections(doc)[0]).toMatchObject({ text: '价格太贵', handling: '算总账：破损和投诉成本', handled: true });
			expect(model.notes(doc).map((n) => n.text)).toEqual(['暗示问题太少']);
			expect(model.roundInfo(doc).get(1)).toMatchObject({ nextStep: 'agreed', timerStartedAt: 5000 });
		}
		expect(debrief(a)).toEqual(debrief(b));
	});
});

describe('debrief', () => {
	it('counts questions by type per round and the share of I and N', () => {
		const doc = new Y.Doc();
		const log = (round: number, types: string) => {
			for (const t of types) model.logQuestion(doc, round, t as 'S');
		};
		log(1, 'SSSSPPIN'); // 8 questions, 2 deep
		log(2, 'SPIIINN'); // 7 questions, 5 deep
		model.setNextStep(doc, 2, 'agreed');
		model.setNextStep(doc, 1, 'declined');
		const o = model.addObjection(doc, 2, '要和理事们商量')!;
		model.setHandled(doc, o, true);
		model.addObjection(doc, 2, '价格会涨吗');
		model.setRoundInfo(doc, 2, 'county-ecommerce-coop', '小王');

		const rounds = debrief(doc, 3);
		expect(rounds.map((r) => r.round)).toEqual([1, 2, 3]);
		expect(rounds[0]).toMatchObject({ counts: { S: 4, P: 2, I: 1, N: 1 }, total: 8, deepShare: 0.25, nextStep: 'declined' });
		expect(rounds[1]).toMatchObject({ counts: { S: 1, P: 1, I: 3, N: 2 }, total: 7, nextStep: 'agreed', handled: 1, salesperson: '小王', scenarioKey: 'county-ecommerce-coop' });
		expect(percent(rounds[1].deepShare)).toBe(71);
		expect(rounds[2]).toMatchObject({ total: 0, deepShare: null, nextStep: null });

		const sum = overall(rounds);
		expect(sum).toEqual({ rounds: 3, counts: { S: 5, P: 3, I: 4, N: 3 }, total: 15, deepShare: 7 / 15, agreed: 1, declined: 1, objections: 2, handled: 1 });
		expect(deepShare({ S: 0, P: 0, I: 0, N: 0 })).toBeNull();
		expect(percent(null)).toBeNull();
	});
});

describe('garbage is ignored', () => {
	it('skips malformed entries and refuses invalid input', () => {
		const doc = new Y.Doc();
		const qs = doc.getMap<unknown>('questions');
		const bad = (fields: Record<string, unknown>) => {
			const m = new Y.Map<unknown>();
			for (const [k, v] of Object.entries(fields)) m.set(k, v);
			return m;
		};
		qs.set('a', bad({ round: 1, type: 'X' }));
		qs.set('b', bad({ round: 0, type: 'S' }));
		qs.set('c', bad({ round: 99, type: 'S' }));
		qs.set('d', bad({ round: '1', type: 'S' }));
		qs.set('e', 'not a map');
		qs.set('f', bad({ round: 2, type: 'I', text: 42, at: 'soon', author: { x: 1 } }));
		doc.getMap<unknown>('objections').set('g', bad({ round: 1, text: '   ' }));
		doc.getMap<unknown>('notes').set('h', bad({ round: 1, text: 7 }));
		const rounds = doc.getMap<unknown>('rounds');
		rounds.set('01.nextStep', 'agreed');
		rounds.set('9.nextStep', 'agreed');
		rounds.set('1.nextStep', 'maybe');
		rounds.set('1.timerStartedAt', Infinity);
		rounds.set('1.salesperson', 3);
		rounds.set('1.other', 'x');
		rounds.set('2', 'junk');
		rounds.set('.nextStep', 'agreed');

		expect(model.questions(doc)).toEqual([{ id: 'f', round: 2, type: 'I', text: '', at: 0, author: '' }]);
		expect(model.objections(doc)).toEqual([]);
		expect(model.notes(doc)).toEqual([]);
		expect([...model.roundInfo(doc)]).toEqual([[1, { nextStep: null, timerStartedAt: null, scenarioKey: '', salesperson: '' }]]);
		expect(debrief(doc).map((r) => [r.round, r.total])).toEqual([[1, 0], [2, 1]]);

		expect(model.logQuestion(doc, 1, 'Q' as 'S')).toBeNull();
		expect(model.logQuestion(doc, 0, 'S')).toBeNull();
		expect(model.logQuestion(doc, 1, 'S', 'x'.repeat(model.MAX_TEXT + 1))).toBeNull();
		expect(model.addObjection(doc, 1, '  ')).toBeNull();
		expect(model.addNote(doc, 1.5, 'note')).toBeNull();
		expect(model.retypeQuestion(doc, 'missing', 'S')).toBe(false);
		expect(model.retypeQuestion(doc, 'f', 'Z' as 'S')).toBe(false);
		expect(model.setHandled(doc, 'g', 'yes' as unknown as boolean)).toBe(false);
		expect(model.setNextStep(doc, 1, 'maybe' as 'agreed')).toBe(false);
		expect(model.setTimer(doc, 1, NaN)).toBe(false);
		expect(model.removeEntry(doc, 'notes', 'missing')).toBe(false);
	});

	it('reads a broken definition without throwing', () => {
		expect(readDefinition(null)).toMatchObject({ personas: [], scenarios: [], roundMinutes: 10, rounds: 3 });
		const def = readDefinition({
			roles: { salesperson: { title: { en: 'Seller' } } },
			scenarios: [{ key: 'a', title: { 'zh-CN': '甲' }, role_titles: { salesperson: { en: 'x' } } }, { key: 'a', title: { en: 'dup' } }, { title: { en: 'no key' } }, 5],
			personas: [{ key: 'driver', title: { 'zh-CN': '控制型' } }, 'x'],
			round_minutes: 600,
			rounds: 4
		});
		expect(def.roles.salesperson.title).toEqual({ 'zh-CN': 'Seller', en: 'Seller' });
		expect(def.roles.customer.title).toBeNull();
		expect(def.scenarios).toEqual([{ key: 'a', segment: '', title: { 'zh-CN': '甲', en: '甲' }, publicBrief: null, roleTitles: null }]);
		expect(def.personas.map((p) => p.key)).toEqual(['driver']);
		expect(def).toMatchObject({ roundMinutes: 10, rounds: 4 });
	});
});
