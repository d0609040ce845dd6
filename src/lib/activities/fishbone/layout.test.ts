import { describe, expect, it } from 'vitest';
import { FONT, layoutDiagram, minWidth, type DiagramBone } from './layout';
import { textWidth, wrap, wrapSegments } from './wrap';

const TITLES = ['人效', '机效', '料效', '法效', '环效'];

/** A board with `total` causes spread over five bones, every third with two sub-causes. */
function bones(total: number): DiagramBone[] {
	const list: DiagramBone[] = TITLES.map((title, i) => ({ key: `b${i}`, title, hint: '组织精简、用工模式', causes: [] }));
	for (let i = 0; i < total; i++) {
		list[i % 5].causes.push({
			id: `c${i}`,
			text: i % 4 === 0 ? '夜班人多件少，临时工比例偏高，人均小时分拣量只有标杆的七成' : `原因 ${i} cause`,
			mark: i % 2 ? '第2项 · ✓对策 · 12票' : '',
			children: i % 3 === 0 ? [{ id: `s${i}a`, text: '排班没跟波峰', mark: '', children: [] }, { id: `s${i}b`, text: 'sub', mark: '第4项 · ✓对策 · 1票', children: [] }] : []
		});
	}
	return list;
}

describe('wrap', () => {
	it('wraps Chinese by character and English by word, keeping closing punctuation on its line', () => {
		expect(wrap('分拨中心件均成本高于同区域标杆', 16 * 5, 16)).toEqual(['分拨中心件', '均成本高于', '同区域标杆']);
		expect(wrap('cost per parcel is high', 16 * 6, 16)).toEqual(['cost per', 'parcel is', 'high']);
		expect(wrap('一二三四，五', 16 * 4, 16)[0]).toBe('一二三四，');
		expect(wrap('a\n\nb', 100, 16)).toEqual(['a', 'b']);
		expect(wrap('', 100, 16)).toEqual(['']);
	});

	it('packs marks without breaking one apart', () => {
		expect(wrapSegments(['第2项', '✓对策', '12票'], ' · ', 12 * 7, 12)).toEqual(['第2项 · ✓对策', '12票']);
		expect(wrapSegments(['', '1票'], ' · ', 100, 12)).toEqual(['1票']);
		expect(wrapSegments([], ' · ', 100, 12)).toEqual([]);
	});

	it('cuts long texts with an ellipsis within the width', () => {
		const lines = wrap('很长的原因'.repeat(20), 100, 15, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		for (const line of lines) expect(textWidth(line, 15)).toBeLessThanOrEqual(100);
	});
});

describe('layoutDiagram', () => {
	for (const total of [0, 3, 60]) {
		it(`draws ${total} causes with every text inside its column and left of its bone`, () => {
			const layout = layoutDiagram({ problem: '分拨中心件均成本高于同区域标杆', bones: bones(total), width: 990 });
			expect(layout.width).toBe(990);
			expect(layout.bones.map((b) => b.side)).toEqual(['top', 'bottom', 'top', 'bottom', 'top']);
			let drawn = 0;
			for (const bone of layout.bones) {
				const tipX = Math.min(bone.line.x1, bone.line.x2);
				for (const cause of bone.causes) {
					drawn++;
					const texts = [
						...cause.lines.map((line) => ({ line, size: cause.sub ? FONT.sub : FONT.cause })),
						...cause.marks.map((line) => ({ line, size: FONT.mark }))
					];
					for (const { line, size } of texts) {
						expect(line.x + textWidth(line.text, size)).toBeLessThanOrEqual(tipX);
						expect(line.y).toBeGreaterThan(0);
						expect(line.y).toBeLessThan(layout.height);
						// Above the spine on a top bone, below it on a bottom bone.
						if (bone.side === 'top') expect(line.y).toBeLessThan(layout.spine.y);
						else expect(line.y).toBeGreaterThan(layout.spine.y);
					}
				}
				if (bone.causes.length === 0) expect(bone.hint.length).toBeGreaterThan(0);
			}
			expect(drawn).toBe(total + bones(total).reduce((n, b) => n + b.causes.reduce((k, c) => k + c.children.length, 0), 0));
			expect(layout.head.lines.length).toBeGreaterThan(0);
		});
	}

	it('fits five bones beside the trace checklist on a landscape tablet (about 700 units)', () => {
		expect(minWidth(5)).toBeLessThanOrEqual(690);
		expect(layoutDiagram({ problem: 'p', bones: bones(60), width: 690 }).width).toBe(690);
	});

	it('grows wider than asked rather than squeezing text', () => {
		const layout = layoutDiagram({ problem: 'p', bones: bones(10), width: 300 });
		expect(layout.width).toBe(Math.round(minWidth(5)));
		expect(layout.width).toBeGreaterThan(300);
	});

	it('shrinks a title too wide for its column until it fits its box, and only then', () => {
		const english = ['People efficiency', 'Machine efficiency', 'Material efficiency', 'Method efficiency', 'Network efficiency'];
		const list = bones(12).map((b, i) => ({ ...b, title: english[i] }));
		const layout = layoutDiagram({ problem: 'p', bones: list, width: minWidth(5) });
		let shrunk = 0;
		for (const bone of layout.bones) {
			const { w, size, countSize, text, count } = bone.title;
			// 12 before the text, 6 between text and count, and room after it: 28 in all.
			expect(textWidth(text, size) + textWidth(` ${count}`, countSize) + 28).toBeLessThanOrEqual(w + 0.5);
			if (size < FONT.title) shrunk++;
		}
		expect(shrunk).toBeGreaterThan(0);
		for (const bone of layoutDiagram({ problem: 'p', bones: bones(12), width: minWidth(5) }).bones) {
			expect(bone.title.size).toBe(FONT.title);
			expect(bone.title.countSize).toBe(FONT.sub);
		}
	});

	it('puts causes of the same bone one under another without overlap', () => {
		const layout = layoutDiagram({ problem: 'p', bones: bones(60), width: 800 });
		for (const bone of layout.bones) {
			const boxes = bone.causes.map((c) => c.box).sort((a, b) => a.y - b.y);
			for (let i = 1; i < boxes.length; i++) expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h - 0.01);
		}
	});
});
