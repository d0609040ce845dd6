import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as custom from './custom-exercises';
import * as db from './db';
import { facilitator } from './db/schema';
import * as library from './exercises';
import { newId } from './ids';
import { useTempDb } from './testing';

useTempDb();

/** Inserts a facilitator row and returns its id. */
function makeFacilitator(name: string): string {
	const id = newId();
	db.get().insert(facilitator).values({ id, email: `${id}@example.com`, name, passwordHash: 'x', isAdmin: false, createdAt: new Date() }).run();
	return id;
}

const BASE = 'pest-express-market';
let li = '';
let wang = '';
beforeAll(() => {
	library.reload(); // the shipped exercises
	li = makeFacilitator('李娜');
	wang = makeFacilitator('王强');
});

describe('custom copies', () => {
	it('copies a file exercise under a custom id, leaving the file untouched', () => {
		const copy = custom.createCopy(li, BASE)!;
		expect(copy.id).toMatch(/^custom-[a-z2-7]{16}$/);
		expect(copy.baseId).toBe(BASE);
		expect(custom.isCopy(copy)).toBe(true);
		const file = library.get(BASE)!;
		expect(custom.definitionOf(copy)).toEqual(custom.definitionOf(file));
		expect(library.get(copy.id)).toBeUndefined();
	});

	it('edits a copy with schema validation; the file keeps its text', () => {
		const copy = custom.createCopy(li, BASE)!;
		const def = custom.definitionOf(copy);
		def.title['zh-CN'] = '我们公司的 PEST';
		def.phases[0].minutes = 4;
		def.rubric.peer_weight = 0.5;
		const saved = custom.update(li, copy.id, def);
		expect(saved.problems).toEqual([]);
		expect(custom.getOwned(li, copy.id)?.title['zh-CN']).toBe('我们公司的 PEST');
		expect(custom.getOwned(li, copy.id)?.rubric.peer_weight).toBe(0.5);
		expect(library.get(BASE)?.title['zh-CN']).not.toBe('我们公司的 PEST');
	});

	it('refuses an invalid edit field by field and stores nothing', () => {
		const copy = custom.createCopy(li, BASE)!;
		const def = custom.definitionOf(copy) as unknown as Record<string, Record<string, unknown>>;
		def.rubric.peer_weight = 2;
		def.title['zh-CN'] = '';
		const result = custom.update(li, copy.id, def);
		expect(result.found).toBe(true);
		expect(result.exercise).toBeUndefined();
		expect(result.problems.map((p) => p.field).sort()).toEqual(['rubric.peer_weight', 'title.zh-CN']);
		expect(custom.getOwned(li, copy.id)?.rubric.peer_weight).toBe(copy.rubric.peer_weight);
	});

	it('keeps copies private to their owner', () => {
		const copy = custom.createCopy(li, BASE)!;
		expect(custom.getOwned(wang, copy.id)).toBeUndefined();
		expect(custom.resolve(wang, copy.id)).toBeUndefined();
		expect(custom.update(wang, copy.id, custom.definitionOf(copy))).toMatchObject({ found: false });
		expect(custom.remove(wang, copy.id)).toBe(false);
		expect(custom.createCopy(wang, copy.id)).toBeUndefined();
		expect(custom.listForOwner(wang).exercises).toEqual([]);
		expect(custom.entriesFor(wang).some((e) => e.custom)).toBe(false);
		expect(custom.entriesFor(li).filter((e) => e.id === copy.id)).toEqual([
			{ id: copy.id, kind: 'pest', topic: copy.topic, title: copy.title, custom: true }
		]);
		expect(custom.getOwned(li, copy.id)?.id).toBe(copy.id);
	});

	it('copies a copy, remembering the file it came from, and deletes only the owner’s', () => {
		const first = custom.createCopy(li, BASE)!;
		const second = custom.createCopy(li, first.id)!;
		expect(second.baseId).toBe(BASE);
		expect(custom.remove(li, first.id)).toBe(true);
		expect(custom.getOwned(li, first.id)).toBeUndefined();
		expect(custom.getOwned(li, second.id)).toBeDefined();
	});

	it('refuses unknown sources and ids outside the custom prefix', () => {
		expect(custom.createCopy(li, 'no-such-exercise')).toBeUndefined();
		expect(custom.getOwned(li, BASE)).toBeUndefined();
		expect(custom.resolve(li, BASE)?.id).toBe(BASE);
	});

	it('lists a stored copy that no longer validates as a problem, not as an exercise', () => {
		const copy = custom.createCopy(wang, BASE)!;
		db.get().$client.prepare(`update custom_exercise set definition = json_set(definition, '$.kind', 'nope') where id = ?`).run(copy.id);
		const { exercises, problems } = custom.listForOwner(wang);
		expect(exercises.map((e) => e.id)).not.toContain(copy.id);
		expect(problems[0]).toMatchObject({ file: copy.id, field: 'kind' });
	});
});

describe('reserved file names', () => {
	let dir = '';
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-ex-'));
		const source = fs.readFileSync(path.resolve('exercises', `${BASE}.yaml`), 'utf8');
		fs.writeFileSync(path.join(dir, 'custom-sneaky.yaml'), source);
		fs.writeFileSync(path.join(dir, 'fine.yaml'), source);
		library.reload(dir);
	});
	afterAll(() => {
		library.reload();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('leaves a file named like a custom copy out of the library and says why', () => {
		expect(custom.fileExercises().map((e) => e.id)).toEqual(['fine']);
		expect(custom.fileProblems()).toEqual([expect.objectContaining({ file: 'custom-sneaky.yaml', field: '(file)' })]);
		expect(custom.resolve(li, 'custom-sneaky')).toBeUndefined();
	});
});
