import * as db from '../db';
import { facilitator } from '../db/schema';
import * as library from '../exercises';
import { newId } from '../ids';
import * as participants from '../participants';
import * as workshops from '../workshops';

// Test data for the scoring tests: a facilitator, a live workshop with groups, an activity and
// one participant per group. Used with useTempDb().

/** A facilitator row without the cost of hashing a password. */
export function someFacilitator(name = '李娜') {
	const row = { id: newId(), email: `${newId()}@example.com`, name, passwordHash: 'unused', isAdmin: false, createdAt: new Date() };
	db.get().insert(facilitator).values(row).run();
	return row;
}

/** A rubric definition small enough to compute by hand: two criteria weighted 1 and 3. */
export function smallDefinition(peerWeight = 0.5) {
	return {
		kind: 'pest',
		title: { 'zh-CN': '小练习', en: 'Small exercise' },
		rubric: {
			scale: { min: 1, max: 5 },
			peer_weight: peerWeight,
			criteria: [
				{ key: 'a', title: { 'zh-CN': '甲', en: 'A' }, weight: 1, levels: [{ score: 1, description: { 'zh-CN': '差', en: 'poor' } }, { score: 5, description: { 'zh-CN': '好', en: 'good' } }] },
				{ key: 'b', title: { 'zh-CN': '乙', en: 'B' }, weight: 3, levels: [{ score: 1, description: { 'zh-CN': '差', en: 'poor' } }, { score: 5, description: { 'zh-CN': '好', en: 'good' } }] }
			]
		}
	};
}

/** A live workshop with `groups` groups, one activity and one participant in each group. */
export function classroom(opts: { groups?: number; definition?: unknown; exerciseId?: string } = {}) {
	const f = someFacilitator();
	const w = workshops.create(f.id, { title: '评分测试', language: 'zh-CN', groupCount: opts.groups ?? 3 });
	workshops.setStatus(w.id, 'live');
	const exercise = opts.exerciseId ? library.get(opts.exerciseId) : undefined;
	if (opts.exerciseId && !exercise) throw new Error(`no exercise ${opts.exerciseId}`);
	const definition = exercise ? structuredClone(exercise) : (opts.definition ?? smallDefinition());
	const act = workshops.addActivity(w.id, exercise?.id ?? 'small', exercise?.kind ?? 'pest', definition);
	const groups = workshops.groups(w.id);
	const people = groups.map((g, i) => participants.join(w.id, `学员${i + 1}`, g.id).participant);
	return { facilitator: f, workshop: w, activity: act, groups, people };
}
