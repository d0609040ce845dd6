import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDoc } from '../../docs';
import { SqliteStorage } from '../collab/sqlite-storage';
import * as db from '../db';
import * as snapshots from '../snapshots';
import { useTempDb } from '../testing';
import { localDateTime } from '../time-zone';
import { boardState, boardStateBase64 } from './boards';
import { field, resultsCsv, type CsvLabels } from './csv';
import { leaderboard } from './leaderboard';
import { report } from './report';
import { control } from './state';
import { submit } from './submit';
import { classroom } from './test-setup';

useTempDb();

const labels: CsvLabels = {
	header: ['练习', '被评小组', '小组最终得分', '名次', '评分者', '评分类型', '提交人', '评分标准', '权重', '分数', '标准点评', '总体评语', '更新时间'],
	facilitator: '讲师',
	peer: '互评'
};

function scoredRoom() {
	const c = classroom();
	control(c.facilitator.id, c.activity.id, 'open');
	const [g1, g2, g3] = c.groups;
	const fac = { kind: 'facilitator' as const, facilitatorId: c.facilitator.id };
	submit({ activityId: c.activity.id, groupId: g1.id, scorer: fac, marks: { a: 4, b: 4 }, comments: { a: '数据翔实, "有说服力"' } });
	submit({ activityId: c.activity.id, groupId: g2.id, scorer: fac, marks: { a: 2, b: 5 }, comment: '=对策可以更具体' });
	submit({ activityId: c.activity.id, groupId: g1.id, scorer: { kind: 'group', participantId: c.people[1].id }, marks: { a: 2, b: 2 } });
	submit({ activityId: c.activity.id, groupId: g2.id, scorer: { kind: 'group', participantId: c.people[0].id }, marks: { a: 5, b: 5 } });
	return { c, g1, g2, g3 };
}

describe('leaderboard and report', () => {
	it('hides unrevealed activities from the revealed-only board', () => {
		const { c } = scoredRoom();
		expect(leaderboard(c.workshop.id, { revealedOnly: true }).activities).toHaveLength(0);
		expect(leaderboard(c.workshop.id, { revealedOnly: false }).activities).toHaveLength(1);
		control(c.facilitator.id, c.activity.id, 'reveal');
		const board = leaderboard(c.workshop.id, { revealedOnly: true });
		expect(board.activities[0].revealed).toBe(true);
		expect(board.overall.map((o) => o.rank)).toEqual([1, 2, null]);
	});

	it('ranks by the mixed scores: g2 (4.63) before g1 (3), g3 unscored last', () => {
		const { c, g1, g2, g3 } = scoredRoom();
		const [a] = report(c.workshop.id).activities;
		// g1: a 0.5·4+0.5·2 = 3, b 3 → 3. g2: a 3.5, b 5 → (3.5 + 15) / 4 = 4.625 → 4.63.
		expect(a.results.map((r) => [r.groupId, r.final, r.rank])).toEqual([
			[g2.id, 4.63, 1],
			[g1.id, 3, 2],
			[g3.id, null, null]
		]);
		expect(a.scores).toHaveLength(4);
		expect(a.scores[0]).toMatchObject({ groupId: g1.id, scorerKind: 'facilitator', submitter: '李娜' });
	});

	it('exports one CSV row per scorer × group × criterion, with a BOM and the same numbers', () => {
		const { c, g2 } = scoredRoom();
		const csv = resultsCsv(report(c.workshop.id), labels, 'zh-CN');
		expect(csv.startsWith('\uFEFF练习,被评小组')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + 4 * 2);
		expect(lines[1]).toContain('"数据翔实, ""有说服力"""');
		const g2Fac = lines.filter((l) => l.includes(`小练习,${g2.name},4.63,1,讲师,讲师`));
		expect(g2Fac).toHaveLength(2);
		expect(g2Fac[0]).toContain(',甲,1,2,');
		expect(g2Fac[0]).toContain(",'=对策可以更具体,");
		// Times as a spreadsheet reads them, in the zone asked for.
		const shanghai = resultsCsv(report(c.workshop.id), labels, 'zh-CN', 'Asia/Shanghai').slice(1).trimEnd().split('\r\n');
		const updated = report(c.workshop.id).activities[0].scores[0].updatedAt;
		expect(shanghai[1].split(',').at(-1)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(shanghai.some((l) => l.endsWith(localDateTime(updated, 'Asia/Shanghai')))).toBe(true);
	});

	it('quotes and defuses cells', () => {
		expect(field('a,b')).toBe('"a,b"');
		expect(field('line\nbreak')).toBe('"line\nbreak"');
		expect(field('+1')).toBe("'+1");
		expect(field(3.5)).toBe('3.5');
		expect(field(null)).toBe('');
	});
});

describe('board states', () => {
	it('reads a board from the collab storage as one update', () => {
		const c = classroom();
		const name = boardDoc(c.activity.id, c.groups[0].id);
		expect(boardState(c.activity.id, c.groups[0].id)).toBeNull();
		const doc = new Y.Doc();
		const storage = new SqliteStorage(db.get().$client);
		doc.on('update', (u: Uint8Array) => storage.append(name, u));
		doc.getMap('notes').set('n1', '县域快递补贴');
		doc.getMap('notes').set('n2', '直播电商');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Buffer.from(boardStateBase64(c.activity.id, c.groups[0].id)!, 'base64'));
		expect(copy.getMap('notes').toJSON()).toEqual({ n1: '县域快递补贴', n2: '直播电商' });
	});

	it('shows what was added after a reopening, not the snapshot of the first ending', () => {
		const c = classroom();
		const name = boardDoc(c.activity.id, c.groups[0].id);
		const doc = new Y.Doc();
		const storage = new SqliteStorage(db.get().$client);
		doc.on('update', (u: Uint8Array) => storage.append(name, u));
		doc.getMap('notes').set('n1', '县域快递补贴');
		snapshots.take(c.workshop.id);
		// Reopened: the group goes on writing.
		doc.getMap('notes').set('n2', '直播电商');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, boardState(c.activity.id, c.groups[0].id)!);
		expect(copy.getMap('notes').toJSON()).toEqual({ n1: '县域快递补贴', n2: '直播电商' });
		// Where only the snapshot is left, it is still read.
		storage.delete(name);
		const fromSnapshot = new Y.Doc();
		Y.applyUpdate(fromSnapshot, boardState(c.activity.id, c.groups[0].id)!);
		expect(fromSnapshot.getMap('notes').toJSON()).toEqual({ n1: '县域快递补贴' });
	});
});
