import { describe, expect, it } from 'vitest';
import { docAccess, type Actor, type Target } from './permissions';

const W = 'workshop-a';
const owner: Actor = { kind: 'facilitator', id: 'owner' };
const otherFacilitator: Actor = { kind: 'facilitator', id: 'someone-else' };
const inGroup1: Actor = { kind: 'participant', id: 'p1', workshopId: W, groupId: 'g1' };
const noGroup: Actor = { kind: 'participant', id: 'p3', workshopId: W, groupId: null };
const otherWorkshop: Actor = { kind: 'participant', id: 'p4', workshopId: 'workshop-b', groupId: 'g1' };

const live = (status: Target['status']): Target => ({ doc: { type: 'live', workshopId: W }, workshopId: W, ownerId: 'owner', status });
const board = (groupId: string, status: Target['status']): Target => ({ doc: { type: 'board', activityId: 'a1', groupId }, workshopId: W, ownerId: 'owner', status });
const lockedBoard = (groupId: string, status: Target['status']): Target => ({ ...board(groupId, status), locked: true });
const notes = (participantId: string, status: Target['status'], locked = false): Target => ({ doc: { type: 'private', activityId: 'a1', participantId }, workshopId: W, ownerId: 'owner', status, locked });
const inGroup1Too: Actor = { kind: 'participant', id: 'p2', workshopId: W, groupId: 'g1' };

// The whole rule table: [who, document, expected access] for an open and for an ended workshop.
const table: [string, Actor | null, Target, ReturnType<typeof docAccess>][] = [
	['owner, live doc', owner, live('live'), 'write'],
	['owner, any board', owner, board('g2', 'live'), 'write'],
	['owner, ended workshop', owner, board('g1', 'ended'), 'read'],
	['other facilitator, live doc', otherFacilitator, live('live'), null],
	['other facilitator, board', otherFacilitator, board('g1', 'live'), null],
	['participant, live doc', inGroup1, live('live'), 'read'],
	['participant, own board', inGroup1, board('g1', 'live'), 'write'],
	['participant, own board in a draft workshop', inGroup1, board('g1', 'draft'), 'write'],
	['participant, other group board', inGroup1, board('g2', 'live'), null],
	['participant, own board, ended', inGroup1, board('g1', 'ended'), 'read'],
	['participant, live doc, ended', inGroup1, live('ended'), 'read'],
	['participant without group, a board', noGroup, board('g1', 'live'), null],
	['participant without group, live doc', noGroup, live('live'), 'read'],
	['participant of another workshop, same group id', otherWorkshop, board('g1', 'live'), null],
	['participant of another workshop, live doc', otherWorkshop, live('live'), null],
	['nobody, live doc', null, live('live'), null],
	['nobody, board', null, board('g1', 'live'), null],
	// Locks: the facilitator froze a group's boards.
	['participant, own locked board', inGroup1, lockedBoard('g1', 'live'), 'read'],
	['participant, own locked board, ended', inGroup1, lockedBoard('g1', 'ended'), 'read'],
	['participant, other group locked board', inGroup1, lockedBoard('g2', 'live'), null],
	['owner, locked board', owner, lockedBoard('g1', 'live'), 'write'],
	['other facilitator, locked board', otherFacilitator, lockedBoard('g1', 'live'), null],
	// Private notes of a silent phase: the author writes, the facilitator reads, nobody else.
	['participant, own private notes', inGroup1, notes('p1', 'live'), 'write'],
	['participant, own private notes, locked group', inGroup1, notes('p1', 'live', true), 'read'],
	['participant, own private notes, ended', inGroup1, notes('p1', 'ended'), 'read'],
	['teammate, private notes of another', inGroup1Too, notes('p1', 'live'), null],
	['participant without group, own private notes', noGroup, notes('p3', 'live'), 'write'],
	['participant of another workshop, private notes', otherWorkshop, notes('p1', 'live'), null],
	['participant of another workshop with the same id', { ...otherWorkshop, id: 'p1' }, notes('p1', 'live'), null],
	['owner, private notes', owner, notes('p1', 'live'), 'read'],
	['owner, private notes, ended', owner, notes('p1', 'ended'), 'read'],
	['other facilitator, private notes', otherFacilitator, notes('p1', 'live'), null],
	['nobody, private notes', null, notes('p1', 'live'), null]
];

describe('document permissions', () => {
	it.each(table)('%s', (_, actor, target, expected) => {
		expect(docAccess(actor, target)).toBe(expected);
	});
});
