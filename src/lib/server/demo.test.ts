import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesByQuadrant, QUADRANTS } from '../activities/pest/model';
import { boardDoc } from '../docs';
import * as facilitators from './auth/facilitators';
import * as collab from './collab/instance';
import { SqliteStorage } from './collab/sqlite-storage';
import * as db from './db';
import { createDemo } from './demo';
import * as files from './exercises';
import { useTempDb } from './testing';
import * as workshops from './workshops';

useTempDb();
beforeAll(() => files.reload());

function boardTexts(doc: string): string[] {
	const ydoc = new Y.Doc();
	for (const update of new SqliteStorage(db.get().$client).load(doc).updates) Y.applyUpdate(ydoc, update);
	return QUADRANTS.flatMap((q) => notesByQuadrant(ydoc)[q].map((n) => n.text));
}

describe('the demo workshop', () => {
	it('is a draft with four groups, one activity of each kind, and sample notes on two PEST boards', async () => {
		const f = await facilitators.create({ email: 'demo@example.com', name: '王老师', password: 'correct horse', isAdmin: false });
		const w = await createDemo(collab.get(), f.id, 'zh-CN');
		expect(w).toMatchObject({ ownerId: f.id, status: 'draft', language: 'zh-CN' });
		expect(workshops.groups(w.id).map((g) => g.name)).toEqual(['第1组', '第2组', '第3组', '第4组']);
		const agenda = workshops.activities(w.id);
		expect(agenda.map((a) => [a.kind, a.exerciseId])).toEqual([
			['pest', 'pest-express-market'],
			['fishbone', 'fishbone-sorting-centre-cost'],
			['spin-roleplay', 'spin-2c-counter'],
			['moments-of-truth', 'mot-contact-tools']
		]);
		// Each activity keeps its own copy of the exercise, as one added by hand does.
		expect(agenda[0].definition).toMatchObject({ id: 'pest-express-market', kind: 'pest' });
		const [g1, g2, g3] = workshops.groups(w.id);
		expect(boardTexts(boardDoc(agenda[0].id, g1.id))).toContain('快递进村政策有补贴');
		expect(boardTexts(boardDoc(agenda[0].id, g2.id))).toHaveLength(3);
		expect(boardTexts(boardDoc(agenda[0].id, g3.id))).toEqual([]);
	});

	it('speaks English for an English-speaking facilitator', async () => {
		const f = await facilitators.create({ email: 'demo-en@example.com', name: 'Ann', password: 'correct horse', isAdmin: false });
		const w = await createDemo(collab.get(), f.id, 'en');
		expect(w.title).toMatch(/^Demo workshop/);
		expect(workshops.groups(w.id)[0].name).toBe('Group 1');
		const pest = workshops.activities(w.id)[0];
		expect(boardTexts(boardDoc(pest.id, workshops.groups(w.id)[0].id))).toContain('Parcel lockers cut delivery cost');
	});
});
