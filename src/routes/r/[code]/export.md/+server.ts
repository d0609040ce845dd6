import { render } from 'svelte/server';
import * as Y from 'yjs';
import { registry } from '$lib/activities/registry';
import { getLocale } from '$lib/paraglide/runtime';
import * as recap from '$lib/server/recap';
import * as revisit from '$lib/server/revisit';
import { open } from '$lib/server/revisit-route';
import { decodeBase64 } from '$lib/revisit/base64';
import { htmlToMarkdown } from '$lib/revisit/html-markdown';
import { exportFileName, recapMarkdown } from '$lib/revisit/markdown';
import type { RequestHandler } from './$types';
import { attachment } from '$lib/server/attachment';
import { knownTimeZone } from '$lib/server/time-zone';

/** An activity's board summary as Markdown: its kind's Summary, rendered here, then converted. */
function boardMarkdown(kind: string, board: unknown, snapshot: string, locale: 'zh-CN' | 'en'): string | null {
	const mod = registry[kind];
	if (!mod) return null;
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, decodeBase64(snapshot));
		const { body } = render(mod.Summary, { props: { doc, definition: board, locale } });
		return htmlToMarkdown(body, 1);
	} finally {
		doc.destroy();
	}
}

export const GET = (({ params, cookies, url, getClientAddress, locals }) => {
	const found = open(params.code, { getClientAddress, cookies, url, locals });
	const data = recap.build(found);
	const locale = getLocale();
	const boards = new Map(data.activities.map((a) => [a.id, a.snapshot && data.group ? boardMarkdown(a.kind, a.board, a.snapshot, locale) : null]));
	const timeZone = knownTimeZone(url.searchParams.get('tz'));
	const text = recapMarkdown(data, boards, { locale, url: `${url.origin}${revisit.path(data.code)}`, timeZone });
	const name = exportFileName(data.workshop.title);
	return new Response(text, {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': attachment('huddle-recap.md', name),
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
