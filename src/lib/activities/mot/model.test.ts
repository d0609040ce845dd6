import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDefinition } from './definition';
import {
	addPoint,
	answer,
	answers,
	customer,
	journey,
	movePoint,
	removePoint,
	setAnswer,
	setCustomer,
	setGoal,
	setRating,
	setStandard,
	setTool,
	standard,
	subjects,
	tool,
	MAX_POINTS,
	TOOL_SUBJECT
} from './model';

const q = (zh: string) => ({ 'zh-CN': zh, en: zh });
const TOOLS = readDefinition({
	variant: 'tools',
	tools: [
		{ key: 'advert', title: q('广告') },
		{ key: 'poster', title: q('海报') }
	],
	questions: [q('联系的类型'), q('正式信息'), q('产生的期望'), q('关键时刻')],
	curve: { min: -3, max: 3 }
});
const SCENES = readDefinition({
	variant: 'touchpoints651',
	tools: [
		{ key: 'pickup', title: q('揽件') },
		{ key: 'delivery', title: q('妥投') },
		{ key: 'inquiry', title: q('咨询') }
	],
	steps: [
		{ key: 'trust', title: q('建立信任') },
		{ key: 'explore', title: q('探寻需求') }
	],
	questions: [q('我们现在怎么做'), q('客户期待什么')],
	curve: { min: -3, max: 3 }
});

/** Sends each document the updates it is missing from the other. */
function exchange(a: Y.Doc, b: Y.Doc) {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

/** Everything a summary shows, as plain data. */
function snapshot(doc: Y.Doc, def = TOOLS) {
	return { tool: tool(doc, def)?.key ?? null, customer: customer(doc), answers: answers(doc, def), journey: journey(doc, def) };
}

describe('moments-of-truth document', () => {
	it('converges when two tablets edit at the same time', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		expect(setTool(a, TOOLS, 'advert')).toBe(true);
		exchange(a, b);
		// Concurrent edits on both sides.
		setCustomer(a, '第一次寄件的大学生');
		setAnswer(a, TOOLS, TOOL_SUBJECT, 0, '在公交站看到');
		const p1 = addPoint(a, TOOLS, '看到广告')!;
		setAnswer(b, TOOLS, TOOL_SUBJECT, 1, '次日达');
		const p2 = addPoint(b, TOOLS, '下单')!;
		setTool(b, TOOLS, 'poster');
		exchange(a, b);
		setRating(a, TOOLS, p2, -2);
		setRating(b, TOOLS, p1, 2);
		setRating(b, TOOLS, p2, -1); // same key, concurrent: one wins everywhere
		exchange(a, b);

		expect(snapshot(a)).toEqual(snapshot(b));
		const s = snapshot(a);
		expect(s.customer).toBe('第一次寄件的大学生');
		expect(s.answers[TOOL_SUBJECT].slice(0, 2)).toEqual(['在公交站看到', '次日达']);
		expect(s.journey.map((p) => p.label['zh-CN']).sort()).toEqual(['下单', '看到广告']);
		expect(s.journey.find((p) => p.key === p1)?.rating).toBe(2);
		expect([-2, -1]).toContain(s.journey.find((p) => p.key === p2)?.rating);
		expect(['advert', 'poster']).toContain(s.tool);
	});

	it('keeps the journey in order and moves points', () => {
		const doc = new Y.Doc();
		const ids = ['看到广告', '下单', '等待', '收件'].map((l) => addPoint(doc, TOOLS, l)!);
		expect(journey(doc, TOOLS).map((p) => p.key)).toEqual(ids);
		expect(movePoint(doc, ids[3], -1)).toBe(true);
		expect(journey(doc, TOOLS).map((p) => p.label['zh-CN'])).toEqual(['看到广告', '下单', '收件', '等待']);
		expect(movePoint(doc, ids[0], -1)).toBe(false);
		setRating(doc, TOOLS, ids[1], -3);
		setStandard(doc, TOOLS, ids[1], null, '下单后两小时内上门');
		expect(removePoint(doc, ids[1])).toBe(true);
		expect(journey(doc, TOOLS)).toHaveLength(3);
		expect(doc.getMap('ratings').has(ids[1])).toBe(false);
		expect(doc.getMap('standards').has(ids[1])).toBe(false);
	});

	it('refuses what the definition does not allow', () => {
		const doc = new Y.Doc();
		const id = addPoint(doc, TOOLS, '看到广告')!;
		expect(setTool(doc, TOOLS, 'billboard')).toBe(false);
		expect(setRating(doc, TOOLS, id, 4)).toBe(false);
		expect(setRating(doc, TOOLS, id, 1.5)).toBe(false);
		expect(setRating(doc, TOOLS, 'nope', 1)).toBe(false);
		expect(setAnswer(doc, TOOLS, TOOL_SUBJECT, 4, 'x')).toBe(false);
		expect(setAnswer(doc, TOOLS, 'pickup', 0, 'x')).toBe(false);
		expect(setAnswer(doc, TOOLS, TOOL_SUBJECT, 0, 'x'.repeat(1001))).toBe(false);
		expect(addPoint(doc, TOOLS, '   ')).toBeNull();
		expect(addPoint(doc, SCENES, '额外场景')).toBeNull();
		for (let i = 1; i < MAX_POINTS; i++) addPoint(doc, TOOLS, `点 ${i}`);
		expect(addPoint(doc, TOOLS, 'one too many')).toBeNull();
		expect(journey(doc, TOOLS)).toHaveLength(MAX_POINTS);
	});

	it('uses the scenes as the journey in the 651 variant, with a standard per step', () => {
		const doc = new Y.Doc();
		expect(subjects(doc, SCENES).map((s) => s.key)).toEqual(['pickup', 'delivery', 'inquiry']);
		expect(setAnswer(doc, SCENES, 'delivery', 1, '准时送到')).toBe(true);
		expect(answer(doc, 'delivery', 1)).toBe('准时送到');
		expect(setRating(doc, SCENES, 'delivery', -3)).toBe(true);
		expect(setGoal(doc, SCENES, 'delivery', 2)).toBe(true);
		expect(setStandard(doc, SCENES, 'delivery', 'trust', '敲门前整理着装')).toBe(true);
		expect(setStandard(doc, SCENES, 'delivery', null, '没有步骤')).toBe(false);
		expect(setStandard(doc, SCENES, 'delivery', 'close', '未知步骤')).toBe(false);
		expect(standard(doc, SCENES, 'delivery', 'trust')).toBe('敲门前整理着装');
		const delivery = journey(doc, SCENES).find((p) => p.key === 'delivery');
		expect(delivery).toMatchObject({ rating: -3, goal: 2, custom: false });
	});

	it('ignores garbage another client wrote into the document', () => {
		const doc = new Y.Doc();
		const id = addPoint(doc, TOOLS, '看到广告')!;
		doc.transact(() => {
			doc.getMap('mot').set('tool', { evil: true });
			doc.getMap('mot').set('customer', 42);
			doc.getMap('answers').set(`${TOOL_SUBJECT}:0`, ['not', 'text']);
			doc.getMap('answers').set(`${TOOL_SUBJECT}:1`, 'x'.repeat(5000));
			doc.getMap('points').set('junk', 'not a map');
			doc.getMap('points').set('a:b', new Y.Map());
			const blank = new Y.Map();
			blank.set('label', '   ');
			doc.getMap('points').set('blank', blank);
			doc.getMap('ratings').set(id, 99);
			doc.getMap('goals').set(id, 'high');
			doc.getMap('standards').set(id, null);
		});
		expect(tool(doc, TOOLS)).toBeNull();
		expect(customer(doc)).toBe('');
		expect(answer(doc, TOOL_SUBJECT, 0)).toBe('');
		expect(answer(doc, TOOL_SUBJECT, 1)).toHaveLength(1000);
		const points = journey(doc, TOOLS);
		expect(points.map((p) => p.key)).toEqual([id]);
		expect(points[0].rating).toBeUndefined();
		expect(points[0].goal).toBeUndefined();
		expect(standard(doc, TOOLS, id)).toBe('');
	});

	it('falls back to a usable definition when the stored one is broken', () => {
		const def = readDefinition({ variant: 'x', tools: [{ key: 'Bad Key', title: q('x') }, { key: 'ok', title: 5 }], curve: { min: 5, max: 1 } });
		expect(def).toMatchObject({ variant: 'tools', tools: [], questions: [], curve: { min: -3, max: 3, labels: null } });
		expect(readDefinition(null).curve).toEqual({ min: -3, max: 3, labels: null });
	});
});
