/**
 * Role-play records: who plays salesperson, customer and observer in each round of a group, and
 * the hidden customer brief that only the round's customer (and the facilitator) may read.
 * Roles are SQL rows, never Yjs, because they decide who may see the brief.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, max } from 'drizzle-orm';
import * as v from 'valibot';
import * as db from './db';
import { participant, roleAssignment, type Participant } from './db/schema';
import * as workshops from './workshops';
import { PERSONA_KEYS, SpinBoardSchema, type SpinBoard } from '../exercises/schema';
import type { CustomerBrief, PersonaChoice, Role, RolesState } from '../activities/spin/types';

/** The activity kind this module serves. */
export const KIND = 'spin-roleplay';
/** More rounds than this are never played, whatever the group size. */
export const MAX_ROUNDS = 8;

/** A role-play activity with its validated board. */
export type SpinActivity = { id: string; workshopId: string; board: SpinBoard };

/** Why a write was refused. */
export type RefusalCode = 'too-few' | 'round' | 'scenario' | 'persona' | 'no-round';
/** The outcome of a write. */
export type Outcome = { ok: true; round: number } | { ok: false; code: RefusalCode };

/** The activity as a role-play; null for an unknown id, another kind or an unusable definition. */
export function getSpinActivity(activityId: string): SpinActivity | null {
	const a = workshops.getActivity(activityId);
	if (!a || a.kind !== KIND) return null;
	const parsed = v.safeParse(SpinBoardSchema, (a.definition as { board?: unknown } | null)?.board);
	return parsed.success ? { id: a.id, workshopId: a.workshopId, board: parsed.output } : null;
}

/**
 * Everyone's role in `round` (1-based) for `count` members in join order. Round 1 gives one
 * salesperson, one customer and observers for the rest (co-observers in groups of 4+; none in a
 * pair). Each round shifts the cycle by one, so over `count` rounds everyone plays every role.
 */
export function rotation(count: number, round: number): Role[] {
	if (count < 2) return [];
	const cycle: Role[] = ['salesperson', 'customer', ...Array<Role>(count - 2).fill('observer')];
	const shift = (round - 1) % count;
	return cycle.map((_, i) => cycle[(i - shift + count) % count]);
}

/** Rounds a group may play: the exercise's, or more so that everyone sells once. */
export function maxRounds(board: SpinBoard, members: number): number {
	return Math.min(MAX_ROUNDS, Math.max(board.rounds, members, 1));
}

/** A group's members in join order (the order the rotation uses). */
export function members(groupId: string): Pick<Participant, 'id' | 'displayName'>[] {
	return db
		.get()
		.select({ id: participant.id, displayName: participant.displayName })
		.from(participant)
		.where(eq(participant.groupId, groupId))
		.orderBy(asc(participant.createdAt), asc(participant.id))
		.all();
}

/** The group's current round: the highest one assigned, 0 before the first. */
export function currentRound(activityId: string, groupId: string): number {
	const row = db
		.get()
		.select({ round: max(roleAssignment.round) })
		.from(roleAssignment)
		.where(and(eq(roleAssignment.activityId, activityId), eq(roleAssignment.groupId, groupId)))
		.get();
	return row?.round ?? 0;
}

/** The assignments of one round of a group. */
export function assignments(activityId: string, groupId: string, round: number) {
	return db
		.get()
		.select()
		.from(roleAssignment)
		.where(and(eq(roleAssignment.activityId, activityId), eq(roleAssignment.groupId, groupId), eq(roleAssignment.round, round)))
		.all();
}

/** A participant's role in the current round of their group, or null. */
export function roleOf(activityId: string, groupId: string, participantId: string): Role | null {
	const round = currentRound(activityId, groupId);
	const row = assignments(activityId, groupId, round).find((a) => a.participantId === participantId);
	return (row?.role as Role | undefined) ?? null;
}

/** Resolves a persona choice to a concrete key of the board; null when it is not allowed. */
function pickPersona(board: SpinBoard, scenarioKey: string, choice: PersonaChoice): string | null {
	const scenario = board.scenarios.find((s) => s.key === scenarioKey);
	if (!scenario) return null;
	if (choice === 'card') return scenario.customer_brief.persona;
	const offered = board.personas.map((p) => p.key as string);
	if (choice === 'random') return offered[randomInt(offered.length)];
	return (PERSONA_KEYS as readonly string[]).includes(choice) && offered.includes(choice) ? choice : null;
}

/** Checks a card choice; the persona key to store, or the refusal. */
function checkCard(board: SpinBoard, scenarioKey: string, persona: PersonaChoice) {
	if (!board.scenarios.some((s) => s.key === scenarioKey)) return { ok: false as const, code: 'scenario' as const };
	const personaKey = pickPersona(board, scenarioKey, persona);
	if (!personaKey) return { ok: false as const, code: 'persona' as const };
	return { ok: true as const, personaKey };
}

/** Writes a whole round (replacing what it had): the rotation over today's members. */
function writeRound(act: SpinActivity, groupId: string, round: number, scenarioKey: string, personaKey: string): Outcome {
	const list = members(groupId);
	if (list.length < 2) return { ok: false, code: 'too-few' };
	const roles = rotation(list.length, round);
	db.get().transaction((tx) => {
		const where = and(eq(roleAssignment.activityId, act.id), eq(roleAssignment.groupId, groupId), eq(roleAssignment.round, round));
		tx.delete(roleAssignment).where(where).run();
		list.forEach((m, i) => {
			tx.insert(roleAssignment)
				.values({ activityId: act.id, groupId, round, participantId: m.id, role: roles[i], scenarioKey, personaKey })
				.run();
		});
	});
	return { ok: true, round };
}

/**
 * Starts round `round` of a group with a scenario card and persona. Only the next round may be
 * started, so two members pressing "next round" at once cannot skip one.
 */
export function startRound(act: SpinActivity, groupId: string, round: number, scenarioKey: string, persona: PersonaChoice): Outcome {
	const current = currentRound(act.id, groupId);
	if (!Number.isInteger(round) || round !== current + 1 || round > maxRounds(act.board, members(groupId).length)) {
		return { ok: false, code: 'round' };
	}
	const card = checkCard(act.board, scenarioKey, persona);
	if (!card.ok) return card;
	return writeRound(act, groupId, round, scenarioKey, card.personaKey);
}

/** Changes the scenario card and persona of the current round; the roles stay. */
export function setCard(act: SpinActivity, groupId: string, scenarioKey: string, persona: PersonaChoice): Outcome {
	const round = currentRound(act.id, groupId);
	if (round === 0) return { ok: false, code: 'no-round' };
	const card = checkCard(act.board, scenarioKey, persona);
	if (!card.ok) return card;
	db.get()
		.update(roleAssignment)
		.set({ scenarioKey, personaKey: card.personaKey })
		.where(and(eq(roleAssignment.activityId, act.id), eq(roleAssignment.groupId, groupId), eq(roleAssignment.round, round)))
		.run();
	return { ok: true, round };
}

/** Deals the current round's roles again over today's members (after someone joined or left). */
export function redoRound(act: SpinActivity, groupId: string): Outcome {
	const round = currentRound(act.id, groupId);
	const first = assignments(act.id, groupId, round)[0];
	if (!first?.scenarioKey || !first.personaKey) return { ok: false, code: 'no-round' };
	return writeRound(act, groupId, round, first.scenarioKey, first.personaKey);
}

/** The group's role-play as one viewer sees it; the persona only for the facilitator. */
export function rolesState(
	act: SpinActivity,
	groupId: string,
	viewer: { kind: 'facilitator' } | { kind: 'participant'; id: string },
	canEdit: boolean
): RolesState {
	const round = currentRound(act.id, groupId);
	const rows = assignments(act.id, groupId, round);
	const role = new Map(rows.map((r) => [r.participantId, r.role as Role]));
	const list = members(groupId);
	return {
		round,
		maxRounds: maxRounds(act.board, list.length),
		scenarioKey: rows[0]?.scenarioKey ?? null,
		personaKey: viewer.kind === 'facilitator' ? (rows[0]?.personaKey ?? null) : null,
		members: list.map((m) => ({ id: m.id, name: m.displayName, role: role.get(m.id) ?? null })),
		myRole: viewer.kind === 'participant' ? (role.get(viewer.id) ?? null) : null,
		canEdit
	};
}

/** The hidden brief of the group's current round, for the facilitator or its customer; null before round 1. */
export function currentBrief(act: SpinActivity, groupId: string): CustomerBrief | null {
	const round = currentRound(act.id, groupId);
	const row = assignments(act.id, groupId, round)[0];
	const scenario = act.board.scenarios.find((s) => s.key === row?.scenarioKey);
	if (!row || !scenario) return null;
	const persona = act.board.personas.find((p) => p.key === row.personaKey);
	const hidden = scenario.customer_brief;
	return {
		round,
		scenarioKey: scenario.key,
		title: scenario.title,
		customerTitle: scenario.role_titles?.customer ?? null,
		persona: persona ? { key: persona.key, title: persona.title, traits: persona.traits } : null,
		situation: hidden.situation,
		needs: hidden.needs,
		objections: hidden.objections,
		agreeIf: hidden.agree_if ?? null
	};
}

/** The brief for a participant: only the customer of their group's current round gets it. */
export function briefFor(act: SpinActivity, groupId: string, participantId: string): CustomerBrief | null {
	return roleOf(act.id, groupId, participantId) === 'customer' ? currentBrief(act, groupId) : null;
}

/**
 * An activity definition as it may be sent to participants' devices: a role-play loses every
 * scenario's hidden `customer_brief`; other kinds are returned as they are.
 */
export function publicDefinition(kind: string, definition: unknown): unknown {
	if (kind !== KIND || !definition || typeof definition !== 'object') return definition;
	const def = definition as { board?: { scenarios?: unknown } };
	if (!def.board || typeof def.board !== 'object' || !Array.isArray(def.board.scenarios)) return definition;
	const scenarios = def.board.scenarios.map((s: unknown) => {
		if (!s || typeof s !== 'object') return s;
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { customer_brief, ...rest } = s as Record<string, unknown>;
		return rest;
	});
	return { ...def, board: { ...def.board, scenarios } };
}

/** Who is asking about a group's role-play, as the endpoints decide it from the cookies. */
export type Access =
	| { ok: true; kind: 'facilitator'; groupId: string; canEdit: boolean }
	| { ok: true; kind: 'participant'; groupId: string; participantId: string; canEdit: boolean }
	| { ok: false; status: 400 | 401 | 403 | 404 };

/**
 * Decides access: the workshop's facilitator reaches any of its groups (named by `groupParam`);
 * a participant reaches only their own group. Others learn nothing (404), not even that the
 * activity exists. Writes stop when the workshop ended, and for participants when the group is locked.
 */
export function access(
	asker: { facilitator: { id: string } | null; participant: Participant | null },
	act: SpinActivity,
	groupParam: string | null
): Access {
	const w = workshops.get(act.workshopId);
	if (!w) return { ok: false, status: 404 };
	const groups = workshops.groups(w.id);
	const open = w.status !== 'ended';
	if (asker.facilitator && asker.facilitator.id === w.ownerId && groupParam !== null) {
		const g = groups.find((x) => x.id === groupParam);
		return g ? { ok: true, kind: 'facilitator', groupId: g.id, canEdit: open } : { ok: false, status: 404 };
	}
	const p = asker.participant;
	if (!p) return { ok: false, status: asker.facilitator ? (asker.facilitator.id === w.ownerId ? 400 : 404) : 401 };
	if (p.workshopId !== w.id) return { ok: false, status: 404 };
	const g = groups.find((x) => x.id === p.groupId);
	if (!g || (groupParam !== null && groupParam !== g.id)) return { ok: false, status: 403 };
	return { ok: true, kind: 'participant', groupId: g.id, participantId: p.id, canEdit: open && !g.locked };
}
