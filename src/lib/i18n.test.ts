import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

// Every user-facing string goes through the message files, in both languages. These tests read
// the sources: a hard-coded string in markup, a key missing from one language, or a message used
// in code but absent from the files all fail here, naming the file and the text.

const ROOT = path.resolve('.');
const settings = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.inlang/settings.json'), 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const LOCALES: string[] = settings.locales;

function messages(locale: string): Map<string, { file: string; text: string }> {
	const all = new Map<string, { file: string; text: string }>();
	for (const pattern of patterns) {
		const file = path.join(ROOT, pattern.replace('{locale}', locale));
		const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
		for (const [key, text] of Object.entries(json)) {
			if (key === '$schema') continue;
			all.set(key, { file: path.relative(ROOT, file), text: String(text) });
		}
	}
	return all;
}

function files(dir: string, ext: RegExp): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : files(p, ext);
		return ext.test(e.name) ? [p] : [];
	});
}

// Attributes a person reads or hears.
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']);
// Text that carries no language: symbols, numbers, punctuation.
const WORDLESS = /^(?:[\s\d\p{P}\p{S}×·→←↑↓…]*|[A-Z0-9]+(?:-[A-Z0-9]+)*)$/u; // symbols, or a code's format

type Node = { type: string; data?: string; name?: string; value?: unknown; start: number; [k: string]: unknown };

function hardCoded(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const found: string[] = [];
	const spoken = (text: string | undefined) => !!text && !WORDLESS.test(text);
	const visit = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(visit);
		const n = node as Node;
		if (n.type === 'Text' && spoken(n.data)) found.push(n.data!.trim());
		for (const [key, value] of Object.entries(n)) {
			if (key !== 'attributes') {
				if (typeof value === 'object') visit(value);
				continue;
			}
			// Attribute values: literal text matters only where a person reads or hears it.
			for (const a of value as Node[]) {
				const parts = a.type === 'Attribute' && Array.isArray(a.value) ? (a.value as Node[]) : [];
				for (const part of parts) {
					if (part.type !== 'Text') visit(part);
					else if (SPOKEN_ATTRIBUTES.has(a.name!) && spoken(part.data)) found.push(`${a.name}="${part.data}"`);
				}
				if (!parts.length) visit(a);
			}
		}
	};
	visit(ast.fragment);
	return [...new Set(found)];
}

describe('translations', () => {
	const byLocale = Object.fromEntries(LOCALES.map((l) => [l, messages(l)]));

	it('has every key in every language, none empty', () => {
		const [base, ...others] = LOCALES;
		const problems: string[] = [];
		for (const other of others) {
			for (const [key, { file }] of byLocale[base]) if (!byLocale[other].has(key)) problems.push(`${other} lacks ${key} (${file})`);
			for (const [key, { file }] of byLocale[other]) if (!byLocale[base].has(key)) problems.push(`${base} lacks ${key} (${file})`);
		}
		for (const l of LOCALES) for (const [key, { text, file }] of byLocale[l]) if (!text.trim()) problems.push(`${l} ${key} is empty (${file})`);
		expect(problems).toEqual([]);
	});

	it('defines every message the code uses', () => {
		const used = new Map<string, string>();
		for (const file of files(path.join(ROOT, 'src'), /\.(svelte|ts)$/).filter((f) => !f.endsWith('.test.ts'))) {
			const text = fs.readFileSync(file, 'utf8');
			for (const match of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\s*\(/gi)) used.set(match[1], path.relative(ROOT, file));
		}
		const missing = [...used].filter(([key]) => !byLocale[LOCALES[0]].has(key)).map(([key, file]) => `${key} (${file})`);
		expect(used.size).toBeGreaterThan(50);
		expect(missing).toEqual([]);
	});

	it('leaves no hard-coded user-facing text in the markup', () => {
		const problems: string[] = [];
		for (const file of files(path.join(ROOT, 'src'), /\.svelte$/)) {
			for (const text of hardCoded(fs.readFileSync(file, 'utf8'))) problems.push(`${path.relative(ROOT, file)}: ${text}`);
		}
		expect(problems).toEqual([]);
	});

	it('catches a hard-coded string (the check itself works)', () => {
		expect(hardCoded('<p>保存</p><button aria-label="Close">×</button><span>{m.x()}</span><i>→ 3</i>')).toEqual(['保存', 'aria-label="Close"']);
	});
});
