import { describe, expect, it } from 'vitest';
import { useTempDb } from './testing';
import * as facilitators from './auth/facilitators';
import * as exercises from './exercises';
import * as participants from './participants';
import * as roleplay from './roleplay';
import * as workshops from './workshops';
import * as db from './db';
import { group } from './db/schema';
import { eq } from 'drizzle-orm';
import type { Role } from '../activities/spin/types';
import type { SpinBoard } from '../exercises/schema';

/** Waits for the clock to move on, so consecutive joins never share a millisecond. */
function nextTick(): true {
	const t = Date.now();
	while (Date.now() === t);
	return true;
}

useTempDb();

let counter = 0;

/** A live workshop with two groups and the 2B SPIN exercise; `names` join group 1 in order. */
async function classroom(names: string[]) {
	const owner = await facilitators.create({ email: `rp${++counter}@example.com`, name: '王老师', password: 'password1', isAdmin: false });
	const w = workshops.create(owner.id, { title: 'SPIN', language: 'zh-CN', groupCount: 2 });
	workshops.setStatus(w.id, 'live');
	const [g1, g2] = workshops.groups(w.id);
	const exercise = exercises.get('spin-2b-customers');
	expect(exercise).toBeDefined();
	const row = workshops.addActivity(w.id, exercise!.id, exercise!.kind, structuredClone(exercise));
	const act = roleplay.getSpinActivity(row.id)!;
	// Members are dealt in join order (by join time): give each join its own millisecond.
	const people = names.map((name) => nextTick() && participants.join(w.id, name, g1.id).participant);
	return { owner, w, g1, g2, act, people, scenario: act.board.scenarios[0] };
}

function roleMap(activityId: string, groupId: string, round: number) {
	return Object.fromEntries(roleplay.assignments(activityId, groupId, round).map((a) => [a.participantId, a.role]));
}

describe('rotation', () => {
	it('gives each of three members each role over three rounds', async () => {
		const { act, g1, people, scenario } = await classroom(['甲', '乙', '丙']);
		const seen = new Map<string, Set<string>>(people.map((p) => [p.id, new Set()]));
		for (let round = 1; round <= 3; round++) {
			expect(roleplay.startRound(act, g1.id, round, scenario.key, 'card')).toEqual({ ok: true, round });
			const roles = roleMap(act.id, g1.id, round);
			expect(Object.values(roles).sort()).toEqual(['customer', 'observer', 'salesperson']);
			for (const p of people) seen.get(p.id)!.add(roles[p.id]);
		}
		for (const p of people) expect([...seen.get(p.id)!].sort()).toEqual(['customer', 'observer', 'salesperson']);
		expect(roleplay.currentRound(act.id, g1.id)).toBe(3);
	});

	it('makes extra members co-observers and a pair swap salesperson and customer', () => {
		expect(roleplay.rotation(4, 1)).toEqual(['salesperson', 'customer', 'observer', 'observer']);
		expect(roleplay.rotation(4, 2)).toEqual(['observer', 'salesperson', 'customer', 'observer']);
		expect(roleplay.rotation(2, 1)).toEqual(['salesperson', 'customer']);
		expect(roleplay.rotation(2, 2)).toEqual(['customer', 'salesperson']);
		expect(roleplay.rotation(1, 1)).toEqual([]);
		for (let n = 2; n <= 6; n++) {
			const sellers = new Set<number>();
			for (let r = 1; r <= n; r++) sellers.add(roleplay.rotation(n, r).indexOf('salesperson' as Role));
			expect(sellers.size).toBe(n);
		}
	});

	it('refuses a lone member, a skipped round and unknown cards', async () => {
		const { act, g1, g2, scenario } = await classroom(['甲']);
		expect(roleplay.startRound(act, g1.id, 1, scenario.key, 'card')).toEqual({ ok: false, code: 'too-few' });
		expect(roleplay.startRound(act, g2.id, 1, scenario.key, 'card')).toEqual({ ok: false, code: 'too-few' });
		const { act: a2, g1: h1, scenario: s2 } = await classroom(['甲', '乙', '丙']);
		expect(roleplay.startRound(a2, h1.id, 2, s2.key, 'card')).toEqual({ ok: false, code: 'round' });
		expect(roleplay.startRound(a2, h1.id, 1, 'no-such-card', 'card')).toEqual({ ok: false, code: 'scenario' });
		expect(roleplay.startRound(a2, h1.id, 1, s2.key, 'nonsense' as never)).toEqual({ ok: false, code: 'persona' });
		expect(roleplay.setCard(a2, h1.id, s2.key, 'card')).toEqual({ ok: false, code: 'no-round' });
		expect(roleplay.startRound(a2, h1.id, 1, s2.key, 'card').ok).toBe(true);
		// A second "start round 1" (two members tapping at once) is a conflict, not a redo.
		expect(roleplay.startRound(a2, h1.id, 1, s2.key, 'card')).toEqual({ ok: false, code: 'round' });
		expect(roleplay.startRound(a2, h1.id, 9, s2.key, 'card')).toEqual({ ok: false, code: 'round' });
	});

	it('keeps roles when the card changes and deals again after someone joins', async () => {
		const { w, act, g1, people, scenario } = await classroom(['甲', '乙', '丙']);
		roleplay.startRound(act, g1.id, 1, scenario.key, 'card');
		const before = roleMap(act.id, g1.id, 1);
		const other = act.board.scenarios[1];
		expect(roleplay.setCard(act, g1.id, other.key, 'analytical')).toEqual({ ok: true, round: 1 });
		expect(roleMap(act.id, g1.id, 1)).toEqual(before);
		expect(roleplay.currentBrief(act, g1.id)?.scenarioKey).toBe(other.key);
		expect(roleplay.currentBrief(act, g1.id)?.persona?.key).toBe('analytical');

		const late = (nextTick(), participants.join(w.id, '丁', g1.id).participant);
		expect(roleplay.roleOf(act.id, g1.id, late.id)).toBeNull();
		expect(roleplay.redoRound(act, g1.id)).toEqual({ ok: true, round: 1 });
		expect(roleplay.roleOf(act.id, g1.id, late.id)).toBe('observer');
		expect(roleplay.roleOf(act.id, g1.id, people[0].id)).toBe('salesperson');
		expect(roleplay.currentBrief(act, g1.id)?.scenarioKey).toBe(other.key);
	});
});

describe('the hidden brief', () => {
	it('goes only to the current round’s customer, and moves with the role', async () => {
		const { act, g1, people, scenario } = await classroom(['甲', '乙', '丙']);
		for (const p of people) expect(roleplay.briefFor(act, g1.id, p.id)).toBeNull(); // no round yet
		roleplay.startRound(act, g1.id, 1, scenario.key, 'card');
		const customer1 = people.find((p) => roleplay.roleOf(act.id, g1.id, p.id) === 'customer')!;
		for (const p of people) {
			const brief = roleplay.briefFor(act, g1.id, p.id);
			if (p.id === customer1.id) {
				expect(brief?.situation).toEqual(scenario.customer_brief.situation);
				expect(brief?.objections).toEqual(scenario.customer_brief.objections);
				expect(brief?.persona?.key).toBe(scenario.customer_brief.persona);
			} else {
				expect(brief).toBeNull();
			}
		}
		roleplay.startRound(act, g1.id, 2, scenario.key, 'random');
		expect(roleplay.briefFor(act, g1.id, customer1.id)).toBeNull();
		const customer2 = people.find((p) => roleplay.roleOf(act.id, g1.id, p.id) === 'customer')!;
		expect(customer2.id).not.toBe(customer1.id);
		expect(roleplay.briefFor(act, g1.id, customer2.id)?.round).toBe(2);
		expect(PERSONAS).toContain(roleplay.briefFor(act, g1.id, customer2.id)?.persona?.key);
	});

	it('is refused to outsiders, other groups and other workshops, and served to the owner', async () => {
		const a = await classroom(['甲', '乙', '丙']);
		const b = await classroom(['戊']);
		const other = participants.join(a.w.id, '己', a.g2.id).participant;
		const none = { facilitator: null, participant: null };
		expect(roleplay.access(none, a.act, null)).toEqual({ ok: false, status: 401 });
		expect(roleplay.access({ facilitator: null, participant: b.people[0] }, a.act, null)).toEqual({ ok: false, status: 404 });
		expect(roleplay.access({ facilitator: { id: b.owner.id }, participant: null }, a.act, a.g1.id)).toEqual({ ok: false, status: 404 });
		expect(roleplay.access({ facilitator: null, participant: other }, a.act, a.g1.id)).toEqual({ ok: false, status: 403 });
		const mine = roleplay.access({ facilitator: null, participant: other }, a.act, null);
		expect(mine).toMatchObject({ ok: true, kind: 'participant', groupId: a.g2.id, canEdit: true });
		expect(roleplay.access({ facilitator: { id: a.owner.id }, participant: null }, a.act, a.g1.id)).toMatchObject({ ok: true, kind: 'facilitator', groupId: a.g1.id });

		db.get().update(group).set({ locked: true }).where(eq(group.id, a.g1.id)).run();
		expect(roleplay.access({ facilitator: null, participant: a.people[0] }, a.act, null)).toMatchObject({ ok: true, canEdit: false });
		workshops.setStatus(a.w.id, 'ended');
		expect(roleplay.access({ facilitator: { id: a.owner.id }, participant: null }, a.act, a.g1.id)).toMatchObject({ ok: true, canEdit: false });
	});

	it('shows the persona in the roles state to the facilitator only', async () => {
		const { act, g1, people, scenario } = await classroom(['甲', '乙', '丙']);
		roleplay.startRound(act, g1.id, 1, scenario.key, 'driver');
		const asParticipant = roleplay.rolesState(act, g1.id, { kind: 'participant', id: people[0].id }, true);
		expect(asParticipant).toMatchObject({ round: 1, maxRounds: 3, scenarioKey: scenario.key, personaKey: null, myRole: 'salesperson' });
		expect(asParticipant.members.map((m) => m.role)).toEqual(['salesperson', 'customer', 'observer']);
		expect(JSON.stringify(asParticipant)).not.toContain(scenario.customer_brief.situation['zh-CN']);
		expect(roleplay.rolesState(act, g1.id, { kind: 'facilitator' }, true).personaKey).toBe('driver');
	});
});

const PERSONAS = ['expressive', 'amiable', 'driver', 'analytical'];

describe('publicDefinition', () => {
	it('strips every hidden brief from a role-play and leaves other kinds alone', () => {
		const exercise = exercises.get('spin-2c-counter') as unknown as { kind: string; board: SpinBoard };
		const stripped = roleplay.publicDefinition(exercise.kind, structuredClone(exercise)) as { board: SpinBoard };
		const text = JSON.stringify(stripped);
		for (const s of exercise.board.scenarios) {
			expect(text).not.toContain(s.customer_brief.situation['zh-CN']);
			expect(text).not.toContain(s.customer_brief.needs['zh-CN']);
			expect(text).toContain(s.public_brief['zh-CN']);
		}
		expect(text).not.toContain('customer_brief');
		expect(stripped.board.personas).toEqual(exercise.board.personas);
		expect(JSON.stringify(exercise)).toContain('customer_brief'); // the original is untouched
		const pest = { kind: 'pest', board: { scenarios: [{ customer_brief: 1 }] } };
		expect(roleplay.publicDefinition('pest', pest)).toBe(pest);
		expect(roleplay.publicDefinition('spin-roleplay', null)).toBeNull();
		expect(roleplay.publicDefinition('spin-roleplay', { board: { scenarios: [null, 3] } })).toEqual({ board: { scenarios: [null, 3] } });
	});
});
