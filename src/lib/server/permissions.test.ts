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
	['nobody, board', null, board('g1', 'live'), null]
];

describe('document permissions', () => {
	it.each(table)('%s', (_, actor, target, expected) => {
		expect(docAccess(actor, target)).toBe(expected);
	});
});
