import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDefinition } from './definition';
import {
	MAX_TEXT,
	addCause,
	causesMap,
	deleteCause,
	editCause,
	moveCause,
	readCauses,
	readTrace,
	setCountermeasure,
	setTraceNote,
	traceMap
} from './model';
import {
	fillFromVotes,
	moveMeasure,
	pickMeasure,
	picksMap,
	readMeasures,
	toggleVote,
	unpickMeasure,
	voterKey,
	votesMap
} from './measures';

const BONES = ['people', 'machine', 'material', 'method', 'environment'];

/** Sends each document the updates it is missing from the other. */
function exchange(a: Y.Doc, b: Y.Doc) {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

function add(doc: Y.Doc, bone: string, text: string, countermeasure = '', parent?: string) {
	const id = addCause(doc, { bone, text, countermeasure, parent, author: '小李' }, BONES);
	expect(id).toBeTypeOf('string');
	return id as string;
}

const causes = (doc: Y.Doc) => readCauses(doc, BONES);
const state = (doc: Y.Doc, voter?: string, limit = 3, top = 5) =>
	readMeasures(doc, causes(doc), { limit, top, voter });

describe('concurrent edits converge', () => {
	it('keeps causes two tablets add on the same bone at once, in the same order', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		add(a, 'people', '夜班人多件少');
		add(a, 'people', '临时工比例高');
		add(b, 'people', '排班不跟波峰');
		add(b, 'machine', '分拣线空转');
		exchange(a, b);
		expect(causes(a)).toEqual(causes(b));
		const people = causes(a).filter((c) => c.bone === 'people').map((c) => c.text);
		expect(people.sort()).toEqual(['临时工比例高', '夜班人多件少', '排班不跟波峰'].sort());
		expect(causes(a).map((c) => c.bone)).toEqual(['people', 'people', 'people', 'machine']);
	});

	it('keeps sub-causes added under the same cause on both sides', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const root = add(a, 'method', '重复搬运');
		exchange(a, b);
		add(a, 'method', '卸车后等待建包', '', root);
		add(b, 'method', '建包规则不清', '', root);
		exchange(a, b);
		expect(causes(a)).toEqual(causes(b));
		expect(causes(a)[0].children.map((c) => c.text).sort()).toEqual(['卸车后等待建包', '建包规则不清'].sort());
	});

	it('lets a delete win over a concurrent edit, and keeps a sub-cause written meanwhile', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const gone = add(a, 'material', '编织袋丢失');
		const kept = add(a, 'material', '笼车周转慢');
		exchange(a, b);
		expect(deleteCause(a, gone)).toBe(true);
		expect(editCause(b, gone, '编织袋丢失严重')).toBe(true);
		expect(setCountermeasure(b, gone, '编织袋编号管理')).toBe(true);
		const orphan = add(b, 'material', '无人清点', '', gone);
		exchange(a, b);
		expect(causes(a)).toEqual(causes(b));
		// The edited cause is gone; the sub-cause written at the same time stands on its own.
		expect(causes(a).map((c) => c.id).sort()).toEqual([kept, orphan].sort());
		expect(causes(a).find((c) => c.id === orphan)).toMatchObject({ parent: null, bone: 'material', text: '无人清点', children: [] });
	});

	it('moves a cause with its sub-causes, even when both move and edit happen at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const root = add(a, 'people', '叉车油耗高');
		const sub = add(a, 'people', '燃油叉车', '', root);
		exchange(a, b);
		expect(moveCause(a, root, 'machine', BONES)).toBe(true);
		expect(editCause(b, sub, '燃油叉车占八成')).toBe(true);
		exchange(a, b);
		expect(causes(a)).toEqual(causes(b));
		expect(causes(a)).toHaveLength(1);
		expect(causes(a)[0]).toMatchObject({ bone: 'machine', text: '叉车油耗高' });
		expect(causes(a)[0].children).toMatchObject([{ id: sub, bone: 'machine', text: '燃油叉车占八成' }]);
		expect(moveCause(a, sub, 'method', BONES)).toBe(false);
	});

	it('converges votes cast on two tablets', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const one = add(a, 'machine', '分拣线开机率低', '按波次开线');
		const two = add(a, 'environment', '车辆装载率低', '合并线路');
		exchange(a, b);
		expect(toggleVote(a, causes(a), one, 'p:1', 3)).toBe('added');
		expect(toggleVote(b, causes(b), one, 'p:2', 3)).toBe('added');
		expect(toggleVote(b, causes(b), two, 'p:2', 3)).toBe('added');
		exchange(a, b);
		expect(state(a)).toEqual(state(b));
		expect(state(a).ranked.map((m) => [m.id, m.votes])).toEqual([
			[one, 2],
			[two, 1]
		]);
	});
});

describe('votes', () => {
	it('holds the limit per voter and gives votes back when withdrawn or deleted', () => {
		const doc = new Y.Doc();
		const [m1, m2, m3] = ['对策一', '对策二', '对策三'].map((c, i) => add(doc, BONES[i], `原因${i}`, c));
		const plain = add(doc, 'method', '没有对策的原因');
		const vote = (id: string, voter: string, limit = 2) => toggleVote(doc, causes(doc), id, voter, limit);
		expect(vote(m1, 'p:a')).toBe('added');
		expect(vote(m2, 'p:a')).toBe('added');
		expect(vote(m3, 'p:a')).toBe('limit');
		expect(vote(m3, 'p:b')).toBe('added');
		expect(vote(plain, 'p:b')).toBe('invalid');
		expect(vote(m1, '')).toBe('invalid');
		expect(vote(m1, 'p:a')).toBe('removed');
		expect(vote(m3, 'p:a')).toBe('added');
		expect(state(doc, 'p:a', 2).mine).toEqual(new Set([m2, m3]));
		deleteCause(doc, m2);
		expect(vote(m1, 'p:a')).toBe('added');
		expect(vote(m1, 'p:a', 0)).toBe('removed');
		expect(vote(m1, 'p:a', 0)).toBe('limit');
	});

	it('counts only the earliest votes of a voter who voted on two devices at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const ids = ['一', '二', '三'].map((t) => add(a, 'people', t, `对策${t}`));
		exchange(a, b);
		expect(toggleVote(a, causes(a), ids[0], 'p:x', 1)).toBe('added');
		expect(toggleVote(b, causes(b), ids[1], 'p:x', 1)).toBe('added');
		exchange(a, b);
		const sa = state(a, 'p:x', 1);
		expect(sa).toEqual(state(b, 'p:x', 1));
		expect(sa.mine.size).toBe(1);
		expect(sa.ranked.reduce((n, m) => n + m.votes, 0)).toBe(1);
		expect(toggleVote(a, causes(a), ids[2], 'p:x', 1)).toBe('limit');
	});

	it('does not count votes on a measure whose countermeasure was cleared', () => {
		const doc = new Y.Doc();
		const id = add(doc, 'people', '人多件少', '弹性排班');
		const other = add(doc, 'people', '外包贵', '自有班组');
		expect(toggleVote(doc, causes(doc), id, 'p:1', 1)).toBe('added');
		setCountermeasure(doc, id, '');
		expect(state(doc, 'p:1', 1).mine.size).toBe(0);
		expect(toggleVote(doc, causes(doc), other, 'p:1', 1)).toBe('added');
		setCountermeasure(doc, id, '弹性排班');
		expect(state(doc, 'p:1', 1).mine.size).toBe(1);
	});

	it('gives the facilitator a voter key of their own', () => {
		expect(voterKey(null)).toBe('facilitator');
		expect(voterKey('abc')).toBe('p:abc');
	});
});

describe('the ranked short-list', () => {
	function board() {
		const doc = new Y.Doc();
		const ids = ['A', 'B', 'C', 'D', 'E', 'F'].map((t, i) => add(doc, BONES[i % 5], `原因${t}`, `对策${t}`));
		return { doc, ids };
	}
	const list = (doc: Y.Doc, top = 5) => state(doc, undefined, 3, top).shortlist.map((m) => m.id);

	it('keeps at most top measures, in the order the group gives', () => {
		const { doc, ids } = board();
		for (const id of ids.slice(0, 5)) expect(pickMeasure(doc, causes(doc), id, 5)).toBe('added');
		expect(pickMeasure(doc, causes(doc), ids[5], 5)).toBe('full');
		expect(pickMeasure(doc, causes(doc), ids[0], 5)).toBe('already');
		expect(list(doc)).toEqual(ids.slice(0, 5));
		expect(moveMeasure(doc, causes(doc), ids[2], -1, 5)).toBe(true);
		expect(moveMeasure(doc, causes(doc), ids[0], -1, 5)).toBe(false);
		expect(moveMeasure(doc, causes(doc), ids[4], 1, 5)).toBe(false);
		expect(list(doc)).toEqual([ids[0], ids[2], ids[1], ids[3], ids[4]]);
		expect(unpickMeasure(doc, causes(doc), ids[1], 5)).toBe(true);
		expect(list(doc)).toEqual([ids[0], ids[2], ids[3], ids[4]]);
		deleteCause(doc, ids[3]);
		expect(list(doc)).toEqual([ids[0], ids[2], ids[4]]);
		expect(picksMap(doc).has(ids[3])).toBe(false);
	});

	it('does not bring back a measure two tablets picked at once when a place frees up', () => {
		const { doc: a, ids } = board();
		for (const id of ids.slice(0, 4)) pickMeasure(a, causes(a), id, 5);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// Both take the last place, apart; merged, six are stored and five shown.
		expect(pickMeasure(a, causes(a), ids[4], 5)).toBe('added');
		expect(pickMeasure(b, causes(b), ids[5], 5)).toBe('added');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const shown = list(a);
		expect(shown).toHaveLength(5);
		expect(list(b)).toEqual(shown);
		// Taking one off leaves four: the hidden sixth does not step in.
		expect(unpickMeasure(a, causes(a), shown[0], 5)).toBe(true);
		expect(list(a)).toEqual(shown.slice(1));
	});

	it('converges when two tablets reorder and add at once', () => {
		const { doc: a, ids } = board();
		const b = new Y.Doc();
		for (const id of ids.slice(0, 3)) pickMeasure(a, causes(a), id, 4);
		exchange(a, b);
		moveMeasure(a, causes(a), ids[2], -1, 4);
		moveMeasure(b, causes(b), ids[0], 1, 4);
		pickMeasure(b, causes(b), ids[4], 4);
		pickMeasure(a, causes(a), ids[5], 4);
		exchange(a, b);
		const merged = list(a, 4);
		expect(merged).toEqual(list(b, 4));
		expect(merged).toHaveLength(4);
		expect(new Set(merged).size).toBe(4);
		// Stable: reading again, or after an unrelated edit, gives the same order.
		add(a, 'people', '无关的新原因');
		exchange(a, b);
		expect(list(a, 4)).toEqual(merged);
		expect(list(b, 4)).toEqual(merged);
	});

	it('fills from the votes, most voted first, skipping measures already listed', () => {
		const { doc, ids } = board();
		const vote = (id: string, voter: string) => toggleVote(doc, causes(doc), id, voter, 3);
		vote(ids[3], 'p:1');
		vote(ids[3], 'p:2');
		vote(ids[1], 'p:1');
		vote(ids[5], 'p:2');
		pickMeasure(doc, causes(doc), ids[5], 5);
		expect(fillFromVotes(doc, causes(doc), 3, 5)).toBe(2);
		expect(list(doc)).toEqual([ids[5], ids[3], ids[1]]);
		expect(fillFromVotes(doc, causes(doc), 3, 5)).toBe(0);
	});
});

describe('reading a document any client may have written', () => {
	it('ignores garbage causes, votes and picks', () => {
		const doc = new Y.Doc();
		const good = add(doc, 'people', '人均小时分拣量低', '按件计酬');
		const map = causesMap(doc) as unknown as Y.Map<unknown>;
		doc.transact(() => {
			map.set('str', 'not a map');
			map.set('num', 42);
			const noBone = new Y.Map<unknown>();
			noBone.set('bone', 'kitchen');
			noBone.set('text', 'lost');
			map.set('nobone', noBone);
			const badText = new Y.Map<unknown>();
			badText.set('bone', 'people');
			badText.set('text', { html: '<b>x</b>' });
			map.set('badtext', badText);
			const cycleA = new Y.Map<unknown>();
			cycleA.set('bone', 'method');
			cycleA.set('text', 'A');
			cycleA.set('parent', 'cycleB');
			map.set('cycleA', cycleA);
			const cycleB = new Y.Map<unknown>();
			cycleB.set('bone', 'method');
			cycleB.set('text', 'B');
			cycleB.set('parent', 'cycleA');
			cycleB.set('order', 'first');
			map.set('cycleB', cycleB);
			const odd = new Y.Map<unknown>();
			odd.set('bone', 'machine');
			odd.set('text', 'w'.repeat(MAX_TEXT + 50));
			odd.set('countermeasure', 7);
			odd.set('author', ['x']);
			odd.set('createdAt', 'yesterday');
			odd.set('order', Number.NaN);
			odd.set('parent', 99);
			map.set('odd', odd);
			votesMap(doc).set('garbage', 1);
			votesMap(doc).set(`${good}:p:1`, 5);
			votesMap(doc).set(`${good}:p:2`, 'many' as unknown as number);
			votesMap(doc).set(`${good}:p:3`, -1);
			votesMap(doc).set('nobone:p:1', 1);
			picksMap(doc).set('str', 1);
			picksMap(doc).set(good, Number.POSITIVE_INFINITY);
			(traceMap(doc) as unknown as Y.Map<unknown>).set('0', 12);
			traceMap(doc).set('1', '  查班次数据 ');
		});
		const read = causes(doc);
		expect(read.map((c) => c.id)).toEqual([good, 'odd', 'cycleA', 'cycleB']);
		expect(read[1]).toMatchObject({ bone: 'machine', parent: null, countermeasure: '', author: '', createdAt: 0, order: 0 });
		expect(read[1].text).toHaveLength(MAX_TEXT);
		const s = state(doc, 'p:1');
		expect(s.ranked).toMatchObject([{ id: good, votes: 1 }]);
		expect(s.shortlist).toEqual([]);
		expect(readTrace(doc, 2)).toEqual(['', '查班次数据']);
		expect(editCause(doc, 'str', 'hello')).toBe(false);
		expect(deleteCause(doc, 'num')).toBe(false);
		expect(addCause(doc, { bone: 'people', text: 'x', parent: 'nobone' }, BONES)).toBeNull();
	});

	it('validates what a tablet writes', () => {
		const doc = new Y.Doc();
		expect(addCause(doc, { bone: 'people', text: '   ' }, BONES)).toBeNull();
		expect(addCause(doc, { bone: 'kitchen', text: 'x' }, BONES)).toBeNull();
		expect(addCause(doc, { bone: 'people', text: 'x'.repeat(MAX_TEXT + 1) }, BONES)).toBeNull();
		expect(addCause(doc, { bone: 'people', text: 'ok', countermeasure: 'y'.repeat(MAX_TEXT + 1) }, BONES)).toBeNull();
		const id = add(doc, 'people', '  组织层级多  ', ' 精简组织 ');
		expect(causes(doc)[0]).toMatchObject({ text: '组织层级多', countermeasure: '精简组织', author: '小李' });
		const sub = add(doc, 'machine', '中层管理岗多', '', id);
		expect(causes(doc)[0].children.map((c) => c.id)).toEqual([sub]);
		expect(causes(doc)[0].children[0].bone).toBe('people');
		expect(addCause(doc, { bone: 'people', text: '孙级原因', parent: sub }, BONES)).toBeNull();
		expect(editCause(doc, id, '')).toBe(false);
		expect(setTraceNote(doc, 4, 'x', 4)).toBe(false);
		expect(setTraceNote(doc, 0, '选省内最好的分拨中心', 4)).toBe(true);
		expect(setTraceNote(doc, 0, '', 4)).toBe(true);
		expect(readTrace(doc, 4)).toEqual(['', '', '', '']);
	});

	it('reads a definition with the course defaults where it is broken', () => {
		const def = readDefinition({
			problem: { 'zh-CN': '分拨成本高', en: '' },
			bones: [{ key: 'people', title: { 'zh-CN': '人效' } }, 'junk'],
			votes_per_participant: 'three',
			top_measures: 50,
			trace_steps: [{ 'zh-CN': '选标杆', en: 'Benchmark' }, 7]
		});
		expect(def.problem).toEqual({ 'zh-CN': '分拨成本高', en: '分拨成本高' });
		expect(def.bones.map((b) => b.key)).toEqual(BONES);
		expect(def.votesPerParticipant).toBe(3);
		expect(def.topMeasures).toBe(5);
		expect(def.traceSteps).toEqual([{ 'zh-CN': '选标杆', en: 'Benchmark' }]);
		const renamed = readDefinition({
			bones: [
				{ key: 'a', title: { 'zh-CN': '人', en: 'People' } },
				{ key: 'b', title: { 'zh-CN': '车', en: 'Trucks' }, hint: { 'zh-CN': '装载率', en: 'Load' } }
			],
			top_measures: 3
		});
		expect(renamed.bones.map((b) => b.title['zh-CN'])).toEqual(['人', '车']);
		expect(renamed.topMeasures).toBe(3);
		expect(readDefinition(undefined).problem).toBeNull();
	});
});
