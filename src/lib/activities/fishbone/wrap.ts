/**
 * Line wrapping for SVG text, which cannot wrap by itself. Widths are estimated per character
 * (CJK full width, Latin by rough class), which is close enough for the system fonts we use and
 * keeps layout a pure function that runs the same on server and tablet.
 */

/** Estimated advance of one character, in em. */
export function charWidth(ch: string): number {
	const code = ch.codePointAt(0) ?? 0;
	if (code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff)) return 1;
	if (ch === ' ') return 0.3;
	if (/[il.,:;!|'`()[\]{}]/.test(ch)) return 0.3;
	if (/[mwMW@%]/.test(ch)) return 0.88;
	if (/[A-Z0-9#&]/.test(ch)) return 0.64;
	return 0.55;
}

/** Estimated width of a text at `fontSize`, in the same unit as `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += charWidth(ch);
	return em * fontSize;
}

/** CJK punctuation that must not start a line (禁则). */
const NO_LINE_START = new Set(Array.from('，。、；：？！）」』》〉】…,.;:?!)]}%'));

/** Splits a text into units that stay together: a CJK character, a Latin word, or a space run. */
function tokens(text: string): string[] {
	return text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? [];
}

/** Cuts a line so that it plus an ellipsis fits `max`. */
function ellipsize(line: string, max: number, fontSize: number): string {
	const chars = Array.from(line.trimEnd());
	while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > max) chars.pop();
	return chars.join('').trimEnd() + '…';
}

/**
 * Wraps `text` into lines no wider than `max` at `fontSize`, at most `maxLines` of them; a text
 * that does not fit ends with an ellipsis. Newlines in the text are kept as line breaks.
 */
export function wrap(text: string, max: number, fontSize: number, maxLines = Infinity): string[] {
	const lines: string[] = [];
	const paragraphs = text
		.split(/\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	for (const paragraph of paragraphs) {
		let line = '';
		let width = 0;
		const push = () => {
			lines.push(line.trimEnd());
			line = '';
			width = 0;
		};
		for (const token of tokens(paragraph)) {
			if (/^\s+$/.test(token)) {
				line += ' ';
				width += textWidth(' ', fontSize);
				continue;
			}
			const w = textWidth(token, fontSize);
			// Closing punctuation stays on the line it closes, even if that overflows a little.
			if (width + w > max && line.trim() && !NO_LINE_START.has(token)) push();
			if (w > max) {
				for (const ch of token) {
					const cw = textWidth(ch, fontSize);
					if (width + cw > max && line.trim()) push();
					line = line.trim() ? line + ch : ch;
					width = textWidth(line, fontSize);
				}
			} else {
				line = line.trim() ? line + token : token;
				width = textWidth(line, fontSize);
			}
		}
		push();
		if (lines.length > maxLines) break;
	}
	if (lines.length === 0) return [''];
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[kept.length - 1] = ellipsize(kept[kept.length - 1], max, fontSize);
	return kept;
}

/**
 * Packs short segments (e.g. "第2项", "✓对策", "1票") into lines joined by `sep`, never breaking a
 * segment unless it alone is wider than `max`.
 */
export function wrapSegments(segments: string[], sep: string, max: number, fontSize: number, maxLines = Infinity): string[] {
	const lines: string[] = [];
	for (const segment of segments.filter(Boolean)) {
		const last = lines[lines.length - 1];
		if (last !== undefined && textWidth(last + sep + segment, fontSize) <= max) lines[lines.length - 1] = last + sep + segment;
		else lines.push(...wrap(segment, max, fontSize));
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[kept.length - 1] = kept[kept.length - 1] + '…';
	return kept;
}
