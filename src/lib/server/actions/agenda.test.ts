import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as custom from '../custom-exercises';
import * as db from '../db';
import { facilitator } from '../db/schema';
import * as library from '../exercises';
import { newId } from '../ids';
import { useTempDb } from '../testing';
import * as workshops from '../workshops';
import { agendaActions } from './agenda';

useTempDb();

type Me = { id: string; email: string; name: string; isAdmin: boolean };

function makeFacilitator(name: string): Me {
	const me = { id: newId(), email: `${newId()}@example.com`, name, isAdmin: false };
	db.get().insert(facilitator).values({ ...me, passwordHash: 'x', createdAt: new Date() }).run();
	return me;
}

/** Runs one agenda action as `me` on workshop `id` with form `fields` (repeat a name for a list). */
async function act(name: string, me: Me, id: string, fields: [string, string][]) {
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	const url = new URL(`http://localhost/workshops/${id}?/${name}`);
	const event = { locals: { facilitator: me, sessionId: 's', participant: null }, url, params: { id }, request: new Request(url, { method: 'POST', body }) };
	return agendaActions[name](event as unknown as Parameters<(typeof agendaActions)[string]>[0]);
}

const order = (workshopId: string) => workshops.activities(workshopId).map((a) => a.exerciseId);
const ids = (workshopId: string) => workshops.activities(workshopId).map((a) => a.id);
const titleOf = (definition: unknown) => (definition as { title: { 'zh-CN': string } }).title['zh-CN'];

let li: Me;
let wang: Me;
let ws = '';
beforeAll(() => {
	library.reload();
	li = makeFacilitator('李娜');
	wang = makeFacilitator('王强');
	ws = workshops.create(li.id, { title: '营销训练营', language: 'zh-CN', groupCount: 2 }).id;
});

describe('agenda', () => {
	it('adds file exercises and the owner’s own copies, and nobody else’s', async () => {
		const copy = custom.createCopy(li.id, 'pest-express-market')!;
		const other = custom.createCopy(wang.id, 'pest-rural-delivery')!;
		expect(await act('addActivity', li, ws, [['exercise', 'fishbone-sorting-centre-cost']])).toEqual({ saved: true });
		expect(await act('addActivity', li, ws, [['exercise', 'mot-contact-tools']])).toEqual({ saved: true });
		expect(await act('addActivity', li, ws, [['exercise', copy.id]])).toEqual({ saved: true });
		expect(await act('addActivity', li, ws, [['exercise', other.id]])).toMatchObject({ status: 400 });
		expect(await act('addActivity', li, ws, [['exercise', 'no-such']])).toMatchObject({ status: 400 });
		expect(order(ws)).toEqual(['fishbone-sorting-centre-cost', 'mot-contact-tools', copy.id]);
		const stored = workshops.activities(ws)[2];
		expect(stored.kind).toBe('pest');
		expect(stored.definition).toMatchObject({ id: copy.id, kind: 'pest' });
		expect(stored.definition).not.toHaveProperty('baseId');
	});

	it('moves one step up or down and persists positions 1…n', async () => {
		const [a, b, c] = ids(ws);
		expect(await act('moveActivity', li, ws, [['activity', c], ['direction', 'up']])).toEqual({ moved: c });
		expect(ids(ws)).toEqual([a, c, b]);
		expect(workshops.activities(ws).map((x) => x.position)).toEqual([1, 2, 3]);
		expect(await act('moveActivity', li, ws, [['activity', a], ['direction', 'up']])).toMatchObject({ status: 400 });
		expect(await act('moveActivity', li, ws, [['activity', a], ['direction', 'sideways']])).toMatchObject({ status: 400 });
		expect(await act('moveActivity', li, ws, [['activity', a], ['direction', 'down']])).toEqual({ moved: a });
		expect(ids(ws)).toEqual([c, a, b]);
	});

	it('takes a whole new order only when it lists every activity once', async () => {
		const [a, b, c] = ids(ws);
		expect(await act('reorderActivities', li, ws, [['order', b], ['order', c], ['order', a]])).toEqual({ saved: true });
		expect(ids(ws)).toEqual([b, c, a]);
		for (const bad of [[b, c], [b, b, a], [b, c, a, 'zzzz'], [b, c, 'Not-An-Id!']]) {
			expect(await act('reorderActivities', li, ws, bad.map((x) => ['order', x] as [string, string]))).toMatchObject({ status: 400 });
		}
		expect(ids(ws)).toEqual([b, c, a]);
	});

	it('refuses another facilitator with a 404, changing nothing', async () => {
		const before = ids(ws);
		await expect(act('reorderActivities', wang, ws, [...before].reverse().map((x) => ['order', x]))).rejects.toMatchObject({ status: 404 });
		await expect(act('moveActivity', wang, ws, [['activity', before[1]], ['direction', 'up']])).rejects.toMatchObject({ status: 404 });
		await expect(act('removeActivity', wang, ws, [['activity', before[0]]])).rejects.toMatchObject({ status: 404 });
		expect(ids(ws)).toEqual(before);
	});

	it('keeps the definition a run started with when the custom copy is edited later', async () => {
		const w = workshops.create(li.id, { title: 'w2', language: 'zh-CN', groupCount: 1 }).id;
		const copy = custom.createCopy(li.id, 'spin-2b-customers')!;
		await act('addActivity', li, w, [['exercise', copy.id]]);
		const def = custom.definitionOf(copy);
		def.title['zh-CN'] = '改过的标题';
		def.rubric.criteria[0].weight = 9;
		expect(custom.update(li.id, copy.id, def).problems).toEqual([]);
		const stored = workshops.activities(w)[0].definition as typeof def;
		expect(stored.title['zh-CN']).toBe(copy.title['zh-CN']);
		expect(stored.rubric.criteria[0].weight).toBe(copy.rubric.criteria[0].weight);
		// Deleting the copy leaves the run as it was, too.
		custom.remove(li.id, copy.id);
		expect(titleOf(workshops.activities(w)[0].definition)).toBe(copy.title['zh-CN']);
	});

	describe('when the exercise files change', () => {
		let dir = '';
		beforeAll(() => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-agenda-'));
		});
		afterAll(() => {
			library.reload();
			fs.rmSync(dir, { recursive: true, force: true });
		});

		it('keeps the definition a run started with after the files are reloaded', async () => {
			const original = custom.definitionOf(library.get('pest-express-market')!);
			fs.writeFileSync(path.join(dir, 'pest-local.yaml'), stringify(original));
			library.reload(dir);
			const w = workshops.create(li.id, { title: 'w3', language: 'zh-CN', groupCount: 1 }).id;
			expect(await act('addActivity', li, w, [['exercise', 'pest-local']])).toEqual({ saved: true });

			fs.writeFileSync(path.join(dir, 'pest-local.yaml'), stringify({ ...original, title: { 'zh-CN': '新版本', en: 'New' } }));
			library.reload(dir);
			expect(library.get('pest-local')?.title['zh-CN']).toBe('新版本');
			expect(titleOf(workshops.activities(w)[0].definition)).toBe(original.title['zh-CN']);
		});
	});
});
