import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDefinition } from '../activities/fishbone/definition';
import { addCause, readCauses } from '../activities/fishbone/model';
import { addNote, notesByQuadrant, QUADRANTS } from '../activities/pest/model';
import { boardDoc, liveDoc, privateDoc } from '../docs';
import { readLive } from '../live/model';
import * as facilitators from './auth/facilitators';
import { createCollabServer } from './collab/server';
import { MemoryStorage } from './collab/storage';
import * as participants from './participants';
import { reveal, type DocChanger } from './reveal';
import { useTempDb } from './testing';
import * as workshops from './workshops';

useTempDb();

const collab = createCollabServer({ storage: new MemoryStorage(), authorize: () => ({ ok: false, status: 401, reason: 'no sockets here' }) });
let w: ReturnType<typeof workshops.create>;
let act: ReturnType<typeof workshops.addActivity>;
let g1: string;
let alice: string;
let bob: string;

beforeAll(async () => {
	const owner = await facilitators.create({ email: 'reveal@example.com', name: 'Owner', password: 'password1', isAdmin: false });
	w = workshops.create(owner.id, { title: 'Reveal', language: 'zh-CN', groupCount: 2 });
	g1 = workshops.groups(w.id)[0].id;
	act = workshops.addActivity(w.id, 'pest-test', 'pest', { kind: 'pest' });
	alice = participants.join(w.id, 'Alice', g1).participant.id;
	bob = participants.join(w.id, 'Bob', g1).participant.id;
});

const read = (doc: string) => collab.change(doc, (d) => QUADRANTS.flatMap((q) => notesByQuadrant(d)[q]));
const write = (participantId: string, text: string, quadrant: 'P' | 'E' = 'P') =>
	collab.change(privateDoc(act.id, participantId), (d) => addNote(d, { quadrant, text, kind: 'opportunity', author: 'typed on the tablet' }));

describe('revealing private notes', () => {
	it('moves every private note onto the group board, credited to its author, and empties the private docs', async () => {
		await write(alice, '县域补贴');
		await write(alice, '价格战', 'E');
		await write(bob, '直播电商');
		const result = await reveal(collab, { workshopId: w.id, activityId: act.id, anonymous: false, now: 1234 });
		expect(result).toEqual({ ok: true, moved: 3 });
		const board = await read(boardDoc(act.id, g1));
		expect(board.map((n) => [n.text, n.author, n.kind]).sort()).toEqual([
			['价格战', 'Alice', 'opportunity'],
			['县域补贴', 'Alice', 'opportunity'],
			['直播电商', 'Bob', 'opportunity']
		]);
		expect(await read(privateDoc(act.id, alice))).toEqual([]);
		expect(await read(privateDoc(act.id, bob))).toEqual([]);
		expect(await collab.change(liveDoc(w.id), (d) => readLive(d).revealedAt[act.id])).toBe(1234);
	});

	it('reveals anonymously when asked, and moves nothing twice', async () => {
		await write(bob, '无人车配送');
		expect(await reveal(collab, { workshopId: w.id, activityId: act.id, anonymous: true })).toEqual({ ok: true, moved: 1 });
		expect(await reveal(collab, { workshopId: w.id, activityId: act.id, anonymous: true })).toEqual({ ok: true, moved: 0 });
		const board = await read(boardDoc(act.id, g1));
		expect(board.filter((n) => n.text === '无人车配送').map((n) => n.author)).toEqual(['']);
	});

	it('does not duplicate notes when a reveal was interrupted before the private doc was emptied', async () => {
		await write(alice, '绿色包装');
		let calls = 0;
		const crashing: DocChanger = {
			change(doc, fn) {
				// Alice's second private-doc change (emptying it, after her notes reached the board) fails once.
				if (doc === privateDoc(act.id, alice) && ++calls === 2) return Promise.reject(new Error('power cut'));
				return collab.change(doc, fn);
			}
		};
		await expect(reveal(crashing, { workshopId: w.id, activityId: act.id, anonymous: false })).rejects.toThrow('power cut');
		await reveal(collab, { workshopId: w.id, activityId: act.id, anonymous: false });
		const board = await read(boardDoc(act.id, g1));
		expect(board.filter((n) => n.text === '绿色包装')).toHaveLength(1);
		expect(await read(privateDoc(act.id, alice))).toEqual([]);
	});

	it('moves a fishbone cause onto the same bone with its countermeasure and sub-causes', async () => {
		const fish = workshops.addActivity(w.id, 'fishbone-test', 'fishbone', { kind: 'fishbone' });
		const bones = readDefinition(fish.definition).bones.map((b) => b.key);
		await collab.change(privateDoc(fish.id, alice), (d) => {
			const cause = addCause(d, { bone: bones[1], text: '分拣线空转', countermeasure: '按波次排班' }, bones)!;
			addCause(d, { bone: bones[1], parent: cause, text: '夜班人手过剩' }, bones);
			// Not on any bone of this exercise: left where it is, as the board leaves it.
			d.getMap('causes').set('stray', new Y.Map());
		});
		expect(await reveal(collab, { workshopId: w.id, activityId: fish.id, anonymous: false })).toEqual({ ok: true, moved: 1 });
		const tree = await collab.change(boardDoc(fish.id, g1), (d) => readCauses(d, bones));
		expect(tree.map((c) => [c.bone, c.text, c.countermeasure, c.author, c.children.map((k) => [k.text, k.author])])).toEqual([
			[bones[1], '分拣线空转', '按波次排班', 'Alice', [['夜班人手过剩', 'Alice']]]
		]);
		expect(await collab.change(privateDoc(fish.id, alice), (d) => readCauses(d, bones))).toEqual([]);
	});

	it('refuses an activity of another workshop or a kind without private phases', async () => {
		expect(await reveal(collab, { workshopId: 'nope', activityId: act.id, anonymous: false })).toEqual({ ok: false, reason: 'no-activity' });
		const other = workshops.addActivity(w.id, 'x', 'no-such-kind', {});
		expect(await reveal(collab, { workshopId: w.id, activityId: other.id, anonymous: false })).toEqual({ ok: false, reason: 'unsupported' });
	});
});
