/**
 * Geometry of the fishbone diagram: a pure function from the board's content and a target width
 * to positioned lines and wrapped text, so the SVG component only draws.
 *
 * The fish swims right: tail at the left, the problem in the head at the right, the spine between.
 * Bones come in columns along the spine, the first of each pair above, the second below, each
 * slanting from its title at the tip to the spine. Causes are horizontal branches from a common
 * left edge to the bone, their text above the branch; sub-causes hang under their cause. Texts
 * wrap within the column and are cut after a few lines (the full text is in the lanes below).
 */
import { textWidth, wrap, wrapSegments } from './wrap';

/** What separates the marks of a cause; marks are wrapped between them, never inside one. */
export const MARK_SEPARATOR = ' · ';

/** One cause as the diagram needs it. */
export interface DiagramCause {
	id: string;
	text: string;
	/** A short line of marks under the cause (countermeasure, votes, place), or ''. */
	mark: string;
	children: DiagramCause[];
}

/** One bone as the diagram needs it. */
export interface DiagramBone {
	key: string;
	title: string;
	/** Shown faintly on a bone without causes, as a prompt. */
	hint: string;
	causes: DiagramCause[];
}

/** A line of text at a baseline. */
export interface TextLine {
	x: number;
	y: number;
	text: string;
}

/** A drawn cause or sub-cause. */
export interface CauseShape {
	id: string;
	sub: boolean;
	lines: TextLine[];
	/** The marks line(s) under the text (countermeasure, votes, place). */
	marks: TextLine[];
	/** SVG path of its branch (a cause) or connector (a sub-cause). */
	path: string;
	/** The area a tap selects. */
	box: { x: number; y: number; w: number; h: number };
	/** The whole text, for a tooltip when the lines were cut. */
	full: string;
}

/** A drawn bone. */
export interface BoneShape {
	key: string;
	side: 'top' | 'bottom';
	line: { x1: number; y1: number; x2: number; y2: number };
	/** `size` and `countSize` are the font sizes: smaller than FONT's when the title would not fit its column. */
	title: { x: number; y: number; w: number; h: number; text: string; count: number; size: number; countSize: number };
	hint: TextLine[];
	causes: CauseShape[];
}

/** The whole diagram in user units (1 unit = 1 CSS pixel at scale 1). */
export interface DiagramLayout {
	width: number;
	height: number;
	spine: { x1: number; x2: number; y: number };
	tail: string;
	head: { path: string; lines: TextLine[] };
	bones: BoneShape[];
}

/** Font sizes the component must draw with for the wrapping to hold. */
export const FONT = { cause: 15, sub: 13, mark: 12, title: 16, head: 16 } as const;
const LH = { cause: 20, sub: 17, mark: 15, head: 22 };
const SLANT = 50; // horizontal run of a bone from tip to spine
const MIN_TEXT = 108; // narrowest text column that still reads (about 7 CJK characters)
const TAIL = 30;
const MIN_HEAD = 120;
const TITLE_H = 32;
const MARGIN = 8;
const SPINE_GAP = 14;
const ROW_GAP = 8;
const MIN_SIDE = 96;
const SUB_INDENT = 20;

/** The narrowest width at which the diagram draws `boneCount` bones without squeezing text. */
export function minWidth(boneCount: number): number {
	const cols = Math.max(1, Math.ceil(boneCount / 2));
	return TAIL + cols * (MIN_TEXT + SLANT + 18) + MIN_HEAD + 8;
}

type Block = { height: number; draw: (top: number, boneX: (y: number) => number) => CauseShape[] };

/** Measures one cause with its sub-causes and returns how to draw it at a given top. */
function causeBlock(cause: DiagramCause, left: number, textW: number): Block {
	const lines = wrap(cause.text, textW, FONT.cause, 3);
	const marks = wrapSegments(cause.mark.split(MARK_SEPARATOR), MARK_SEPARATOR, textW, FONT.mark, 2);
	const subW = textW - SUB_INDENT;
	const subs = cause.children.map((c) => ({
		c,
		lines: wrap(c.text, subW, FONT.sub, 2),
		marks: wrapSegments(c.mark.split(MARK_SEPARATOR), MARK_SEPARATOR, subW, FONT.mark, 2)
	}));
	const own = lines.length * LH.cause + 4 + marks.length * LH.mark;
	const subsH = subs.reduce((h, s) => h + s.lines.length * LH.sub + s.marks.length * (LH.mark - 2) + 3, 0);
	return {
		height: own + (subs.length ? subsH + 4 : 0) + ROW_GAP,
		draw(top, boneX) {
			const branchY = top + lines.length * LH.cause + 4;
			const shapes: CauseShape[] = [
				{
					id: cause.id,
					sub: false,
					lines: lines.map((text, i) => ({ x: left, y: top + FONT.cause + i * LH.cause, text })),
					marks: marks.map((text, i) => ({ x: left, y: branchY + LH.mark - 2 + i * LH.mark, text })),
					path: `M${r(left - 2)},${r(branchY)}H${r(boneX(branchY))}`,
					box: { x: left - 4, y: top, w: boneX(branchY) - left + 4, h: own },
					full: cause.text
				}
			];
			let y = top + own + 4;
			for (const { c, lines: subLines, marks: subMarks } of subs) {
				const x = left + SUB_INDENT;
				const firstBase = y + FONT.sub;
				const h = subLines.length * LH.sub + subMarks.length * (LH.mark - 2);
				shapes.push({
					id: c.id,
					sub: true,
					lines: subLines.map((text, i) => ({ x, y: firstBase + i * LH.sub, text })),
					marks: subMarks.map((text, i) => ({ x, y: y + subLines.length * LH.sub + LH.mark - 4 + i * (LH.mark - 2), text })),
					path: `M${r(left + 8)},${r(branchY)}V${r(firstBase - 4)}H${r(x - 3)}`,
					box: { x: x - 4, y, w: textW - SUB_INDENT + 6, h },
					full: c.text
				});
				y += h + 3;
			}
			return shapes;
		}
	};
}

function r(n: number): number {
	return Math.round(n * 10) / 10;
}

/** Lays the diagram out for `width` units; it grows wider when that is too narrow to read. */
export function layoutDiagram(input: { problem: string; bones: DiagramBone[]; width: number }): DiagramLayout {
	const n = input.bones.length;
	const cols = Math.max(1, Math.ceil(n / 2));
	const minCol = MIN_TEXT + SLANT + 18;
	// The head takes about a fifth, but gives way to the columns down to its own minimum.
	const headW = Math.round(Math.max(MIN_HEAD, Math.min(220, input.width * 0.19, input.width - TAIL - 8 - cols * minCol)));
	const colW = Math.max(minCol, (input.width - TAIL - headW - 8) / cols);
	const textW = colW - SLANT - 18;
	const width = Math.round(TAIL + cols * colW + headW + 8);

	const measured = input.bones.map((bone, i) => {
		const col = Math.floor(i / 2);
		const left = TAIL + col * colW + 6;
		const blocks = bone.causes.map((c) => causeBlock(c, left, textW));
		const hint = bone.causes.length === 0 && bone.hint ? wrap(bone.hint, textW, FONT.sub, 4) : [];
		const content = blocks.length
			? blocks.reduce((h, b) => h + b.height, 0)
			: hint.length * LH.sub + ROW_GAP;
		return { bone, col, left, side: i % 2 === 0 ? ('top' as const) : ('bottom' as const), blocks, hint, content };
	});

	const headLines = wrap(input.problem, headW - 48, FONT.head, 6);
	const headH = Math.max(96, headLines.length * LH.head + 34);
	const sideH = (side: 'top' | 'bottom') =>
		Math.max(MIN_SIDE, headH / 2 - SPINE_GAP, ...measured.filter((b) => b.side === side).map((b) => b.content));
	const topH = sideH('top');
	const bottomH = measured.some((b) => b.side === 'bottom') ? sideH('bottom') : Math.max(MIN_SIDE / 2, headH / 2);
	const topTip = MARGIN + TITLE_H + 4;
	const spineY = topTip + topH + SPINE_GAP;
	const bottomTip = spineY + SPINE_GAP + bottomH;
	const height = Math.round(bottomTip + 4 + TITLE_H + MARGIN);

	const bones: BoneShape[] = measured.map(({ bone, col, left, side, blocks, hint }) => {
		const attach = TAIL + (col + 1) * colW - 6;
		const tipX = attach - SLANT;
		const tipY = side === 'top' ? topTip : bottomTip;
		const boneX = (y: number) => attach - (SLANT * Math.abs(spineY - y)) / Math.abs(spineY - tipY);
		let y = side === 'top' ? topTip + 2 : spineY + SPINE_GAP;
		const causes: CauseShape[] = [];
		for (const block of blocks) {
			causes.push(...block.draw(y, boneX));
			y += block.height;
		}
		const count = bone.causes.reduce((k, c) => k + 1 + c.children.length, 0);
		// An English title ("Material efficiency") can be wider than its column: it shrinks to fit.
		const natural = textWidth(bone.title, FONT.title) + textWidth(` ${count}`, FONT.sub);
		const titleW = Math.min(colW - 8, natural + 28);
		const shrink = Math.min(1, (titleW - 28) / natural);
		const titleX = Math.max(TAIL + col * colW + 2, Math.min(tipX - titleW / 2, attach - titleW));
		return {
			key: bone.key,
			side,
			line: { x1: r(tipX), y1: r(tipY), x2: r(attach), y2: r(spineY) },
			title: {
				x: r(titleX),
				y: side === 'top' ? MARGIN : bottomTip + 4,
				w: r(titleW),
				h: TITLE_H,
				text: bone.title,
				count,
				size: Math.floor(FONT.title * shrink * 10) / 10,
				countSize: Math.floor(FONT.sub * shrink * 10) / 10
			},
			hint: hint.map((text, i) => ({ x: left, y: (side === 'top' ? topTip + 2 : spineY + SPINE_GAP) + FONT.sub + i * LH.sub, text })),
			causes
		};
	});

	const headX = TAIL + cols * colW + 2;
	const nose = width - 4;
	const half = headH / 2;
	return {
		width,
		height,
		spine: { x1: TAIL - 6, x2: r(headX + 6), y: r(spineY) },
		tail: `M${TAIL},${r(spineY)}L6,${r(spineY - 30)}Q16,${r(spineY)} 6,${r(spineY + 30)}Z`,
		head: {
			path:
				`M${r(headX)},${r(spineY - half)}` +
				`C${r(headX + headW * 0.55)},${r(spineY - half)} ${r(nose)},${r(spineY - half * 0.45)} ${r(nose)},${r(spineY)}` +
				`C${r(nose)},${r(spineY + half * 0.45)} ${r(headX + headW * 0.55)},${r(spineY + half)} ${r(headX)},${r(spineY + half)}` +
				`Q${r(headX + 14)},${r(spineY)} ${r(headX)},${r(spineY - half)}Z`,
			lines: headLines.map((text, i) => ({
				x: r(headX + 18),
				y: r(spineY - (headLines.length * LH.head) / 2 + FONT.head + i * LH.head - 3),
				text
			}))
		},
		bones
	};
}
