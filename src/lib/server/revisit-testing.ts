// Test data for the revisit, report and workshop-history tests: one facilitator's workshop with
// two groups, a PEST activity, participants, and a row in every table that hangs off a workshop.
import * as Y from 'yjs';
import * as db from './db';
import { facilitator, review, roleAssignment, score } from './db/schema';
import { newId } from './ids';
import * as participants from './participants';
import * as reflections from './reflections';
import * as workshops from './workshops';
import { SqliteStorage } from './collab/sqlite-storage';
import { boardDoc, liveDoc } from '../docs';

/** The definition stored for the test activity: a title, a board and a one-criterion rubric. */
export const DEFINITION = {
	kind: 'pest',
	title: { 'zh-CN': 'PEST 分析', en: 'PEST analysis' },
	board: { quadrants: [], votes_per_participant: 3, weight_scale: 5 },
	rubric: {
		scale: { min: 1, max: 5 },
		peer_weight: 0.3,
		criteria: [
			{
				key: 'insight',
				title: { 'zh-CN': '洞察', en: 'Insight' },
				weight: 1,
				levels: [
					{ score: 1, description: { 'zh-CN': '泛泛而谈', en: 'Generic' } },
					{ score: 5, description: { 'zh-CN': '切中要害', en: 'To the point' } }
				]
			}
		]
	}
};

/** A facilitator row (no password needed by these tests). */
export function facilitatorRow(name = '王老师') {
	const row = { id: newId(), email: `${newId()}@example.com`, name, passwordHash: 'x', isAdmin: false, createdAt: new Date() };
	db.get().insert(facilitator).values(row).run();
	return row;
}

/** Writes a PEST-like note into a board document through the storage, as a client would. */
export function writeNote(doc: string, text: string): void {
	const y = new Y.Doc();
	const note = new Y.Map<unknown>();
	note.set('text', text);
	note.set('quadrant', 'P');
	y.getMap('notes').set(newId(), note);
	new SqliteStorage(db.get().$client).append(doc, Y.encodeStateAsUpdate(y));
}

/** A live workshop with two groups, one activity, three participants, and data in every table. */
export function seedWorkshop(title = '快递市场 PEST') {
	const owner = facilitatorRow();
	const w = workshops.create(owner.id, { title, language: 'zh-CN', groupCount: 2 });
	workshops.setStatus(w.id, 'live');
	const [g1, g2] = workshops.groups(w.id);
	const act = workshops.addActivity(w.id, 'pest-express-market', 'pest', DEFINITION);
	const alice = participants.join(w.id, '小李', g1.id).participant;
	const bob = participants.join(w.id, '小王', g1.id).participant;
	const carol = participants.join(w.id, '小张', g2.id).participant;
	const now = new Date();
	const d = db.get();
	d.insert(score)
		.values({ id: newId(), activityId: act.id, groupId: g1.id, scorerKind: 'facilitator', scorerGroupId: null, scorerKey: 'facilitator', submittedBy: `f:${owner.id}`, marks: { insight: 5 }, comments: { insight: '抓住了政策机会' }, comment: '整体很好', createdAt: now, updatedAt: now })
		.run();
	d.insert(score)
		.values({ id: newId(), activityId: act.id, groupId: g1.id, scorerKind: 'group', scorerGroupId: g2.id, scorerKey: `group:${g2.id}`, submittedBy: `p:${carol.id}`, marks: { insight: 4 }, comments: {}, comment: '', createdAt: now, updatedAt: now })
		.run();
	d.insert(review).values({ id: newId(), activityId: act.id, reviewerGroupId: g2.id, targetGroupId: g1.id, body: '对策可以更具体', updatedAt: now }).run();
	d.insert(roleAssignment).values({ activityId: act.id, groupId: g1.id, round: 1, participantId: alice.id, role: 'observer', scenarioKey: null, personaKey: null }).run();
	reflections.save(alice.id, '我的学习报告');
	writeNote(boardDoc(act.id, g1.id), '县域快递补贴');
	writeNote(boardDoc(act.id, g2.id), '农村电商');
	writeNote(liveDoc(w.id), 'phase');
	writeNote(`private.${act.id}.${alice.id}`, '私下的想法');
	return { owner, workshop: workshops.get(w.id)!, groups: [g1, g2], activity: act, alice, bob, carol };
}
