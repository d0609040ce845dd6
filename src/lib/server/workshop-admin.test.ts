import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as db from './db';
import * as admin from './workshop-admin';
import * as snapshots from './snapshots';
import * as workshops from './workshops';
import { useTempDb } from './testing';
import { DEFINITION, seedWorkshop } from './revisit-testing';

useTempDb();

/** Rows of every table that hang off one workshop, counted with plain SQL. */
function rowsOf(w: { id: string }, ids: { activity: string; groups: string[]; participants: string[] }) {
	const c = db.get().$client;
	const n = (sql: string, ...args: unknown[]) => (c.prepare(sql).get(...args) as { n: number }).n;
	const like = (id: string) => n(`SELECT count(*) AS n FROM yjs_update WHERE doc LIKE ?`, `%${id}%`);
	return {
		workshop: n('SELECT count(*) AS n FROM workshop WHERE id = ?', w.id),
		groups: n('SELECT count(*) AS n FROM workshop_group WHERE workshop_id = ?', w.id),
		activities: n('SELECT count(*) AS n FROM activity WHERE workshop_id = ?', w.id),
		participants: n('SELECT count(*) AS n FROM participant WHERE workshop_id = ?', w.id),
		scores: n('SELECT count(*) AS n FROM score WHERE activity_id = ?', ids.activity),
		reviews: n('SELECT count(*) AS n FROM review WHERE activity_id = ?', ids.activity),
		roles: n('SELECT count(*) AS n FROM role_assignment WHERE activity_id = ?', ids.activity),
		reflections: ids.participants.reduce((sum, id) => sum + n('SELECT count(*) AS n FROM reflection WHERE participant_id = ?', id), 0),
		snapshots: n('SELECT count(*) AS n FROM snapshot WHERE workshop_id = ?', w.id),
		updates: like(w.id) + like(ids.activity) + ids.groups.reduce((s, g) => s + like(g), 0) + ids.participants.reduce((s, p) => s + like(p), 0)
	};
}

function seeded(title?: string) {
	const s = seedWorkshop(title);
	snapshots.take(s.workshop.id);
	const ids = { activity: s.activity.id, groups: s.groups.map((g) => g.id), participants: [s.alice.id, s.bob.id, s.carol.id] };
	return { s, ids };
}

describe('deleting a workshop', () => {
	it('removes every row of it in every table, and nothing of another workshop', () => {
		const { s, ids } = seeded();
		const other = seeded('另一个工作坊');
		const before = rowsOf(s.workshop, ids);
		// Every table really had something to delete.
		for (const [table, count] of Object.entries(before)) expect(count, table).toBeGreaterThan(0);
		const otherBefore = rowsOf(other.s.workshop, other.ids);

		const docs = admin.remove(s.workshop.id);
		expect(docs.length).toBe(4); // live state, two boards, one participant's private notes

		for (const [table, count] of Object.entries(rowsOf(s.workshop, ids))) expect(count, table).toBe(0);
		expect(rowsOf(other.s.workshop, other.ids)).toEqual(otherBefore);
	});

	it('zeroes the deleted content in the file (secure_delete) and restores the setting', () => {
		const { s } = seeded('保密的工作坊标题');
		const c = db.get().$client;
		const before = c.pragma('secure_delete', { simple: true });
		admin.remove(s.workshop.id);
		expect(c.pragma('secure_delete', { simple: true })).toBe(before);
		c.pragma('wal_checkpoint(TRUNCATE)');
		const bytes = fs.readFileSync(process.env.DATABASE_PATH!);
		expect(bytes.includes(Buffer.from('保密的工作坊标题'))).toBe(false);
	});
});

describe('duplicating a workshop', () => {
	it('copies title, groups and agenda with the stored definitions, without participants', () => {
		const { s } = seeded();
		const copy = admin.duplicate(s.workshop);
		expect(copy.title).toBe(`${s.workshop.title} (副本)`);
		expect(copy.status).toBe('draft');
		expect(copy.joinCode).not.toBe(s.workshop.joinCode);
		expect(workshops.groups(copy.id).map((g) => [g.name, g.colour, g.locked])).toEqual(workshops.groups(s.workshop.id).map((g) => [g.name, g.colour, false]));
		const agenda = workshops.activities(copy.id);
		expect(agenda).toHaveLength(1);
		expect(agenda[0]).toMatchObject({ exerciseId: 'pest-express-market', kind: 'pest', definition: DEFINITION, scoring: 'pending' });
		expect(agenda[0].id).not.toBe(s.activity.id);
		expect(workshops.participants(copy.id)).toHaveLength(0);
		expect(snapshots.count(copy.id)).toBe(0);
		expect(admin.copyTitle({ title: 'Market', language: 'en' })).toBe('Market (copy)');
	});
});

describe('archiving', () => {
	it('sets and clears archivedAt', () => {
		const { s } = seeded();
		admin.setArchived(s.workshop.id, true);
		expect(workshops.get(s.workshop.id)?.archivedAt).toBeInstanceOf(Date);
		admin.setArchived(s.workshop.id, false);
		expect(workshops.get(s.workshop.id)?.archivedAt).toBeNull();
	});
});
