import { render } from 'svelte/server';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import PestSummary from '$lib/activities/pest/Summary.svelte';
import FishboneSummary from '$lib/activities/fishbone/Summary.svelte';
import SpinSummary from '$lib/activities/spin/Summary.svelte';
import { readDefinition } from '$lib/activities/fishbone/definition';
import { addCause } from '$lib/activities/fishbone/model';
import { logQuestion } from '$lib/activities/spin/model';
import { addNote, setCountermeasure, setKind } from '$lib/activities/pest/model';
import { decodeEntities, htmlToMarkdown } from './html-markdown';
import { exportFileName, recapMarkdown, type RecapForExport } from './markdown';

describe('HTML to Markdown', () => {
	it('keeps headings (shifted), paragraphs and lists, drops decoration and markup', () => {
		const html =
			'<!--[--><h3><span aria-hidden="true">P</span>政治</h3><p class="prompt">如何争取&amp;政策？</p>' +
			'<ul><li><p>县域 *补贴*</p><p class="meta">机会 <span aria-hidden="true">↑</span></p></li><li>第二条<br>换行</li></ul>' +
			'<ol><li>一</li><li>二</li></ol><svg><text>x</text></svg><button>删除</button><!--]-->';
		expect(htmlToMarkdown(html, 2)).toBe(
			['##### 政治', '如何争取&政策？', '- 县域 \\*补贴\\*', '   机会', '- 第二条  \n换行', '1. 一', '2. 二'].join('\n\n')
		);
	});

	it('decodes numeric references and escapes Markdown at the start of a block', () => {
		expect(decodeEntities('&#x4e2d;&#25991;&lt;&gt;&unknown;')).toBe('中文<>&unknown;');
		expect(htmlToMarkdown('<p># 不是标题</p><p>1. 不是列表</p>')).toBe('\\# 不是标题\n\n\\1. 不是列表');
	});

	it("turns a real PEST Summary into readable Markdown with the group's notes", () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { quadrant: 'P', text: '县域快递补贴政策', author: '小李' })!;
		setKind(doc, id, 'opportunity');
		setCountermeasure(doc, id, '申请补贴，建村级服务站');
		const { body } = render(PestSummary, { props: { doc, definition: undefined, locale: 'zh-CN' } });
		const md = htmlToMarkdown(body, 2);
		expect(md).toContain('县域快递补贴政策');
		expect(md).toContain('申请补贴，建村级服务站');
		expect(md).toMatch(/^##### /m);
		expect(md).not.toMatch(/<[a-z]/i);
	});

	it('a fishbone keeps every cause, sub-cause and countermeasure, not only what the drawing and the short-list show', () => {
		const doc = new Y.Doc();
		const bones = readDefinition(undefined).bones.map((b) => b.key);
		const cause = addCause(doc, { bone: bones[0], text: '夜班人多件少，人效只有白班一半', countermeasure: '按进出港波峰弹性排班' }, bones)!;
		addCause(doc, { bone: bones[0], parent: cause, text: '排班表按月固定，没跟件量走' }, bones);
		addCause(doc, { bone: bones[1], text: '编织袋丢失率高', countermeasure: '编织袋扫码循环' }, bones);
		const { body } = render(FishboneSummary, { props: { doc, definition: undefined, locale: 'zh-CN' } });
		const md = htmlToMarkdown(body, 2);
		for (const text of ['夜班人多件少，人效只有白班一半', '排班表按月固定，没跟件量走', '编织袋丢失率高', '对策：按进出港波峰弹性排班', '对策：编织袋扫码循环']) {
			expect(md).toContain(text);
		}
	});

	it('a role-play keeps the questions the observer wrote down, with their type', () => {
		const doc = new Y.Doc();
		logQuestion(doc, 1, 'S', '每天大概多少件？');
		logQuestion(doc, 1, 'I', '丢件一次要赔多少？');
		const { body } = render(SpinSummary, { props: { doc, definition: undefined, locale: 'zh-CN' } });
		const md = htmlToMarkdown(body, 2);
		expect(md).toContain('每天大概多少件？');
		expect(md).toMatch(/暗示问题\s+丢件一次要赔多少？/);
	});
});

describe('the recap export', () => {
	const recap: RecapForExport = {
		workshop: { title: '快递市场 PEST', status: 'ended', scheduledFor: '2025-03-01', endedAt: Date.UTC(2025, 2, 1, 8), reportTarget: 1000 },
		me: { name: '小李' },
		group: { name: '第1组' },
		activities: [
			{
				id: 'a1',
				kind: 'pest',
				title: { 'zh-CN': 'PEST 分析', en: 'PEST analysis' },
				scores: [{ scorer: 'facilitator', scorerGroup: null, comment: '整体很好', marks: [{ key: 'insight', title: { 'zh-CN': '洞察', en: 'Insight' }, value: 5, max: 5, comment: '抓住了 | 机会' }] }],
				reviews: [{ from: '第2组', body: '对策可以更具体' }]
			}
		],
		reflection: { body: '# 我的报告\n\n第一段。', submittedAt: Date.UTC(2025, 2, 2), comment: '很好' }
	};

	it('has the board, a score table, reviews and the report as written', () => {
		const md = recapMarkdown(recap, new Map([['a1', '##### 政治\n\n- 县域补贴']]), { locale: 'zh-CN', url: 'https://h.example/r/ABCDEFGHJK' });
		expect(md).toMatch(/^# 快递市场 PEST\n/);
		expect(md).toContain('## 1. PEST 分析');
		expect(md).toContain('- 县域补贴');
		expect(md).toContain('| 洞察 | 5 / 5 | 抓住了 \\| 机会 |');
		expect(md).toContain('**讲师点评：** 整体很好');
		expect(md).toContain('#### 第2组 的点评');
		expect(md).toContain('# 我的报告\n\n第一段。'); // the participant's own formatting stays
		expect(md).toContain('### 讲师点评\n\n很好');
		expect(md).toContain('<https://h.example/r/ABCDEFGHJK>');
	});

	it('writes times in the reader\'s time zone', () => {
		const at = (timeZone: string) => recapMarkdown(recap, new Map(), { locale: 'zh-CN', url: 'https://h.example/r/X', timeZone });
		// Ended 08:00 UTC: 16:00 in Beijing.
		expect(at('Asia/Shanghai')).toMatch(/16:00/);
		expect(at('UTC')).toMatch(/08:00|8:00/);
	});

	it('names the file after the workshop, safely', () => {
		expect(exportFileName('降本/增效: 第1期?')).toBe('降本 增效 第1期.md');
		expect(exportFileName('///')).toBe('huddle.md');
		// 80 characters, never half of an emoji: the name must still encode as a URI component.
		const name = exportFileName(`${'培'.repeat(79)}🚚 工作坊`);
		expect(name).toBe(`${'培'.repeat(79)}🚚.md`);
		expect(() => encodeURIComponent(name)).not.toThrow();
	});
});
