// bench/RESULTS.md is assembled from sections, each rewritten by the command that measures it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { priority } from './proc';

/** The results file. */
export const RESULTS = path.join(import.meta.dirname, '..', 'RESULTS.md');

/**
 * Microseconds per `fstat` over 100,000 calls. On this kind of virtual machine the cost of a system
 * call varies by up to a factor of two within an hour while plain computation does not; servers that persist make
 * more system calls, so this tells a reader which state the machine was in.
 */
export function systemCallMicros(): number {
	const fd = fs.openSync(os.devNull, 'r');
	try {
		const start = performance.now();
		for (let i = 0; i < 100_000; i++) fs.fstatSync(fd);
		return ((performance.now() - start) * 1000) / 100_000;
	} finally {
		fs.closeSync(fd);
	}
}

/** One line describing the machine and the date, for every section. */
export function machine(): string {
	const cpu = os.cpus();
	const mem = Math.round(os.totalmem() / 2 ** 30);
	const nice = priority.applied ? `; benchmark's scheduling priority raised to nice ${priority.applied} (the "other processes" rows show what else ran)` : '';
	return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${mem} GiB, Linux ${os.release()}, Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; a system call (fstat) ${systemCallMicros().toFixed(2)} µs${nice}`;
}

/**
 * Where a run writes and how to repeat it. A run whose `options` differ from their `defaults` gets
 * a section of its own, keyed by those options and headed by the command that reproduces it, so a
 * partial or resized run never overwrites the standard run's section `name`.
 */
export function sectionFor<K extends string>(name: string, script: string, options: NoInfer<Record<K, unknown>>, defaults: Record<K, unknown>): { key: string; command: string } {
	const changed = (Object.keys(defaults) as K[]).filter((k) => options[k] !== defaults[k]);
	if (changed.length === 0) return { key: name, command: `npm run ${script}` };
	return {
		key: `${name}-${changed.map((k) => `${k}-${options[k]}`).join('-')}`.replace(/[^a-z0-9-]/gi, '-'),
		command: `npm run ${script} -- ${changed.map((k) => `--${k} ${options[k]}`).join(' ')}`
	};
}

/** Replaces (or appends) the section `key` of RESULTS.md with `markdown`. */
export function writeSection(key: string, markdown: string): void {
	const start = `<!-- ${key}:start -->`;
	const end = `<!-- ${key}:end -->`;
	let text = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark and reliability results\n\nEach section is rewritten by the command named in it (see bench/README.md).\n';
	const block = `${start}\n${markdown.trim()}\n${end}`;
	const i = text.indexOf(start);
	const j = text.indexOf(end);
	text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
	fs.writeFileSync(RESULTS, text);
}

/** A markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
	return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
