import { describe, expect, it } from 'vitest';
import * as reflections from './reflections';
import { useTempDb } from './testing';
import { seedWorkshop } from './revisit-testing';
import { MAX_REPORT, countChars } from '../revisit/count';

useTempDb();

describe('counting characters as people do for Chinese', () => {
	it('counts code points, not UTF-16 units, and no spaces', () => {
		expect(countChars('学习报告')).toBe(4);
		expect('𠀀𠀁'.length).toBe(4);
		expect(countChars('𠀀𠀁')).toBe(2);
		expect(countChars('降本 增效\n\t PDCA')).toBe(8);
		expect(countChars('   \n ')).toBe(0);
	});
});

describe('learning reports', () => {
	it('autosaves drafts and reads them back; an unknown participant has an empty draft', () => {
		const s = seedWorkshop();
		expect(reflections.get(s.bob.id).body).toBe('');
		const t = new Date(2025, 0, 1, 9);
		expect(reflections.save(s.bob.id, '第一稿', t)).toEqual({ ok: true, updatedAt: t });
		expect(reflections.save(s.bob.id, '第二稿')).toMatchObject({ ok: true });
		expect(reflections.get(s.bob.id).body).toBe('第二稿');
		expect(reflections.save(s.bob.id, '字'.repeat(MAX_REPORT + 1))).toEqual({ ok: false, reason: 'too-long' });
		expect(reflections.get(s.bob.id).body).toBe('第二稿');
	});

	it('refuses a save based on an older text than the stored one, with the stored text', () => {
		const s = seedWorkshop();
		const laptop = new Date(2025, 0, 1, 9);
		expect(reflections.save(s.bob.id, '电脑上的第一稿', laptop, 0)).toMatchObject({ ok: true });
		// The phone, opened after, writes a long report on top of the laptop's draft.
		const phone = new Date(2025, 0, 1, 20);
		expect(reflections.save(s.bob.id, '手机上写的长报告', phone, laptop.getTime())).toMatchObject({ ok: true });
		// Back on the laptop, still based on its own first draft: refused, and told what is stored.
		expect(reflections.save(s.bob.id, '电脑上的第一稿x', new Date(2025, 0, 2), laptop.getTime())).toEqual({
			ok: false,
			reason: 'conflict',
			body: '手机上写的长报告',
			updatedAt: phone
		});
		expect(reflections.get(s.bob.id).body).toBe('手机上写的长报告');
		// Saved knowingly over it (based on the phone's save), it goes through.
		expect(reflections.save(s.bob.id, '电脑上的定稿', new Date(2025, 0, 3), phone.getTime())).toMatchObject({ ok: true });
		// Submitting moves the time on, so a draft kept on a device is not taken for newer.
		const submitted = new Date(2025, 0, 4);
		reflections.submit(s.bob.id, 1, submitted);
		expect(reflections.get(s.bob.id).updatedAt).toEqual(submitted);
	});

	it('submits only at the target, then freezes the report', () => {
		const s = seedWorkshop();
		reflections.save(s.bob.id, '短'.repeat(990) + ' '.repeat(50));
		expect(reflections.submit(s.bob.id, 1000)).toEqual({ ok: false, reason: 'short', missing: 10 });
		expect(reflections.get(s.bob.id).submittedAt).toBeNull();
		reflections.save(s.bob.id, '够'.repeat(1000));
		expect(reflections.submit(s.bob.id, 1000)).toEqual({ ok: true });
		expect(reflections.get(s.bob.id).submittedAt).toBeInstanceOf(Date);
		expect(reflections.save(s.bob.id, '改')).toEqual({ ok: false, reason: 'submitted' });
		expect(reflections.get(s.bob.id).body).toBe('够'.repeat(1000));
	});

	it('can be taken back until the facilitator comments; the comment is kept with the report', () => {
		const s = seedWorkshop();
		reflections.save(s.carol.id, '报告'.repeat(10));
		expect(reflections.comment(s.workshop.id, s.carol.id, '还没提交')).toBe(false);
		reflections.submit(s.carol.id, 10);
		expect(reflections.reopen(s.carol.id)).toBe(true);
		expect(reflections.save(s.carol.id, '报告'.repeat(12)).ok).toBe(true);
		reflections.submit(s.carol.id, 10);
		expect(reflections.comment(s.workshop.id, s.carol.id, '联系实际很好')).toBe(true);
		const r = reflections.get(s.carol.id);
		expect(r.facilitatorComment).toBe('联系实际很好');
		expect(r.commentedAt).toBeInstanceOf(Date);
		expect(reflections.reopen(s.carol.id)).toBe(false);
	});

	it("a facilitator can only comment on their own workshop's participants", () => {
		const s = seedWorkshop();
		const other = seedWorkshop();
		reflections.save(s.carol.id, '报告');
		reflections.submit(s.carol.id, 1);
		expect(reflections.comment(other.workshop.id, s.carol.id, '不是我的学员')).toBe(false);
		expect(reflections.get(s.carol.id).facilitatorComment).toBeNull();
		const list = reflections.forWorkshop(s.workshop.id);
		expect(list.map((r) => r.participant.displayName)).toEqual(['小李', '小王', '小张']);
		expect(list.find((r) => r.participant.id === s.carol.id)?.reflection?.body).toBe('报告');
	});
});
