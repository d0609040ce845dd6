// Turns the HTML of an activity's read-only Summary (rendered on the server) into Markdown, so
// that the export works for every activity kind without each kind writing its own Markdown.
// The input is our own components' output, so a small tokenizer is enough: headings, paragraphs,
// lists, line breaks and tables of text; decorative parts (aria-hidden) are left out.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP = new Set(['script', 'style', 'svg', 'template', 'button', 'textarea', 'select']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'table', 'tr', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'details', 'summary']);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references Svelte and browsers produce. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
		}
		return NAMED[ref.toLowerCase()] ?? all;
	});
}

/** Escapes what Markdown would otherwise read as formatting in a piece of user text. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** Escapes a block's start where it would read as a heading, quote or list item. */
function escapeStart(line: string): string {
	return line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, '$1\\$2');
}

/** Markdown for a fragment of HTML; headings go `shift` levels deeper (at most ######). */
export function htmlToMarkdown(html: string, shift = 0): string {
	const blocks: string[] = [];
	const lists: { ordered: boolean; n: number }[] = [];
	let prefix = ''; // the marker of the block being collected ("## ", "- ", "1. ")
	let text = '';
	let skipping: { tag: string; depth: number } | null = null;

	// Later blocks of a list item are indented under its marker.
	const indent = () => '   '.repeat(lists.length);
	const flush = () => {
		const body = text
			.split('\n')
			.map((l) => l.replace(/[ \t\f\r]+/g, ' ').trim())
			.filter(Boolean)
			.join('  \n');
		if (body) {
			const lead = prefix || indent();
			blocks.push(lead + (prefix.trim() ? body : escapeStart(body)));
		}
		text = '';
		prefix = '';
	};

	for (const match of html.matchAll(TOKEN)) {
		const [token, closing, rawTag, attrs = '', selfClosing] = match;
		if (token.startsWith('<!--')) continue;
		const tag = rawTag?.toLowerCase();
		if (skipping) {
			if (tag === skipping.tag && !VOID.has(tag) && !selfClosing) skipping.depth += closing ? -1 : 1;
			if (skipping.depth === 0) skipping = null;
			continue;
		}
		if (!tag) {
			text += escapeMarkdown(decodeEntities(token));
			continue;
		}
		if (!closing && (SKIP.has(tag) || /\baria-hidden\s*=\s*["']?true/i.test(attrs))) {
			if (!VOID.has(tag) && !selfClosing) skipping = { tag, depth: 1 };
			continue;
		}
		const heading = /^h([1-6])$/.exec(tag);
		if (heading) {
			flush();
			if (!closing) prefix = '#'.repeat(Math.min(6, Number(heading[1]) + shift)) + ' ';
		} else if (tag === 'ul' || tag === 'ol') {
			flush();
			if (closing) lists.pop();
			else lists.push({ ordered: tag === 'ol', n: 0 });
		} else if (tag === 'li') {
			flush();
			const list = lists.at(-1);
			if (!closing && list) prefix = '   '.repeat(lists.length - 1) + (list.ordered ? `${++list.n}. ` : '- ');
		} else if (tag === 'br') {
			text += '\n';
		} else if (tag === 'td' || tag === 'th') {
			if (!closing && text.trim()) text += ' · ';
		} else if (BLOCK.has(tag)) {
			// A list item's marker waits for its first paragraph.
			const keep = prefix && text.trim() === '' ? prefix : '';
			flush();
			prefix = keep;
		}
	}
	flush();
	return blocks.join('\n\n');
}
