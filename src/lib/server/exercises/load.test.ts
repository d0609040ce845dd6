import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FISHBONE_DEFAULT_BONES, localize, PERSONA_KEYS, type Exercise } from '../../exercises/schema';
import { formatPath, loadExercises, parseExercise } from './load';
import * as library from './index';

const SHIPPED = fileURLToPath(new URL('../../../../exercises', import.meta.url));

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A minimal valid PEST exercise, as a plain object ready to be written as YAML. */
function pestExercise() {
	return {
		kind: 'pest',
		topic: 'market',
		title: L('测试', 'Test'),
		goal: L('目标', 'Goal'),
		instructions: L('说明', 'Instructions'),
		duration_minutes: 30,
		phases: [
			{ key: 'brief', minutes: 5 },
			{ key: 'work', minutes: 15 },
			{ key: 'present', minutes: 10 }
		],
		board: {
			quadrants: (['P', 'E', 'S', 'T'] as const).map((key) => ({ key, title: L(key, key), prompt: L('问', 'Ask') })),
			votes_per_participant: 3,
			weight_scale: 5
		},
		rubric: {
			scale: { min: 1, max: 5 },
			peer_weight: 0.3,
			criteria: [
				{
					key: 'insight',
					title: L('洞察', 'Insight'),
					weight: 2,
					levels: [
						{ score: 1, description: L('弱', 'Weak') },
						{ score: 5, description: L('强', 'Strong') }
					]
				}
			]
		}
	};
}

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huddle-exercises-'));
});
afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown) {
	fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : stringify(content));
}

function problemsOf(file: string, problems: { file: string; field: string; message: string }[]) {
	return problems.filter((p) => p.file === file);
}

describe('the shipped exercises', () => {
	const { exercises, problems } = loadExercises(SHIPPED);

	it('are all valid', () => {
		expect(problems).toEqual([]);
		const files = fs.readdirSync(SHIPPED).filter((n) => /\.ya?ml$/.test(n));
		expect(exercises.map((e) => e.id).sort()).toEqual(files.map((f) => f.replace(/\.ya?ml$/, '')).sort());
		expect(exercises.length).toBeGreaterThanOrEqual(11);
	});

	it('cover every activity kind the course names', () => {
		const of = <K extends Exercise['kind']>(kind: K) => exercises.filter((e): e is Extract<Exercise, { kind: K }> => e.kind === kind);
		expect(of('fishbone').length).toBeGreaterThanOrEqual(3);
		expect(of('pest').length).toBeGreaterThanOrEqual(1);
		expect(of('moments-of-truth').map((e) => e.board.variant).sort()).toEqual(['tools', 'touchpoints651']);

		const scenarios = of('spin-roleplay').flatMap((e) => e.board.scenarios);
		expect(scenarios.length).toBeGreaterThanOrEqual(6);
		expect(new Set(scenarios.map((s) => s.segment))).toEqual(new Set(['2B', '2C']));
		expect(new Set(scenarios.map((s) => s.customer_brief.persona))).toEqual(new Set(PERSONA_KEYS));
	});

	it('have realistic rubrics and phases that fit the duration', () => {
		for (const e of exercises) {
			expect(e.rubric.criteria.length, e.id).toBeGreaterThanOrEqual(3);
			expect(e.rubric.criteria.length, e.id).toBeLessThanOrEqual(4);
			expect(e.phases.reduce((sum, p) => sum + p.minutes, 0), e.id).toBeLessThanOrEqual(e.duration_minutes);
		}
	});
});

describe('loadExercises on a folder with broken files', () => {
	it('reports one problem per broken file, naming file and field, and keeps the good file', () => {
		write('good.yaml', pestExercise());
		write('bad-yaml.yaml', 'kind: pest\ntitle:\n  zh-CN: 测试\n  en: "Test\nphases:\n  - key: work\n');
		const noEnglish = pestExercise();
		noEnglish.title = { 'zh-CN': '测试' } as ReturnType<typeof L>;
		write('missing-title-en.yaml', noEnglish);
		const negative = pestExercise();
		negative.rubric.criteria[0].weight = -1;
		write('negative-weight.yaml', negative);
		write('unknown-kind.yaml', { ...pestExercise(), kind: 'swot' });
		const duplicate = pestExercise();
		duplicate.phases[2].key = 'work';
		write('duplicate-phase.yaml', duplicate);

		const { exercises, problems } = loadExercises(dir);

		expect(exercises.map((e) => e.id)).toEqual(['good']);
		expect(problems).toHaveLength(5);
		const expected: [string, string, RegExp][] = [
			['bad-yaml.yaml', 'title.en', /YAML syntax error at line \d+, column \d+/],
			['missing-title-en.yaml', 'title.en', /missing/],
			['negative-weight.yaml', 'rubric.criteria[0].weight', /expected a number greater than 0, received -1/],
			['unknown-kind.yaml', 'kind', /expected one of "fishbone" \| "pest" \| "spin-roleplay" \| "moments-of-truth", received "swot"/],
			['duplicate-phase.yaml', 'phases[2].key', /"work" is already used by phases\[1\]/]
		];
		for (const [file, field, message] of expected) {
			const found = problemsOf(file, problems);
			expect(found, file).toHaveLength(1);
			expect(found[0].field, file).toBe(field);
			expect(found[0].message, file).toMatch(message);
		}
	});

	it('checks what the schema alone cannot: scale, quadrants, personas, curve', () => {
		const outOfScale = pestExercise();
		outOfScale.rubric.criteria[0].levels[1].score = 7;
		write('out-of-scale.yaml', outOfScale);
		const twoPs = pestExercise();
		twoPs.board.quadrants[3].key = 'P';
		write('two-ps.yaml', twoPs);
		write('unknown-persona.yaml', {
			...pestExercise(),
			kind: 'spin-roleplay',
			topic: 'sales',
			board: {
				roles: {
					salesperson: { title: L('销售方', 'Salesperson'), brief: L('问', 'Ask') },
					customer: { title: L('客户方', 'Customer'), brief: L('演', 'Play') },
					observer: { title: L('观察员', 'Observer'), brief: L('记', 'Log') }
				},
				personas: [{ key: 'driver', title: L('控制型', 'Driver'), traits: L('直接', 'Direct') }],
				scenarios: [
					{
						key: 'counter',
						segment: '2C',
						title: L('柜台', 'Counter'),
						public_brief: L('顾客', 'A customer'),
						customer_brief: {
							persona: 'analytical',
							situation: L('情况', 'Situation'),
							needs: L('需求', 'Needs'),
							objections: [L('太贵', 'Too dear')]
						}
					}
				],
				round_minutes: 10
			}
		});
		write('flat-curve.yaml', {
			...pestExercise(),
			kind: 'moments-of-truth',
			topic: 'service',
			board: {
				variant: 'tools',
				tools: [{ key: 'poster', title: L('海报', 'Poster') }],
				questions: [L('什么时候？', 'When?')],
				curve: { min: 2, max: 2 }
			}
		});

		write('silent-mot.yaml', {
			...pestExercise(),
			kind: 'moments-of-truth',
			topic: 'service',
			phases: [
				{ key: 'brief', minutes: 5 },
				{ key: 'work', minutes: 15, private: true }
			],
			board: {
				variant: 'tools',
				tools: [{ key: 'poster', title: L('海报', 'Poster') }],
				questions: [L('什么时候？', 'When?')],
				curve: { min: -3, max: 3 }
			}
		});

		const { exercises, problems } = loadExercises(dir);

		expect(exercises).toEqual([]);
		// A silent phase only where the board can reveal it (pest, fishbone).
		expect(problemsOf('silent-mot.yaml', problems)).toEqual([
			{ file: 'silent-mot.yaml', field: 'phases[1].private', message: expect.stringMatching(/moments-of-truth boards have no silent phase/) }
		]);
		expect(problemsOf('out-of-scale.yaml', problems)).toEqual([
			{ file: 'out-of-scale.yaml', field: 'rubric.criteria[0].levels[1].score', message: expect.stringMatching(/inside the scale 1–5, received 7/) }
		]);
		expect(problemsOf('two-ps.yaml', problems).map((p) => p.field)).toEqual(['board.quadrants[3].key', 'board.quadrants']);
		expect(problemsOf('two-ps.yaml', problems)[1].message).toMatch(/missing T/);
		expect(problemsOf('unknown-persona.yaml', problems).map((p) => p.field)).toEqual(['board.scenarios[0].customer_brief.persona']);
		expect(problemsOf('flat-curve.yaml', problems).map((p) => p.field)).toEqual(['board.curve.max']);
	});

	it('refuses a file that is not UTF-8 (saved as GBK), and reads one with a BOM', () => {
		// 标题 in GBK: bytes that are not UTF-8.
		const gbk = Buffer.concat([Buffer.from(stringify({ ...pestExercise() }).replace(/PEST 分析|PEST/, 'X')), Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x0a])]);
		fs.writeFileSync(path.join(dir, 'gbk.yaml'), gbk);
		fs.writeFileSync(path.join(dir, 'bom.yaml'), '\uFEFF' + stringify(pestExercise()));
		const { exercises, problems } = loadExercises(dir);
		expect(problemsOf('gbk.yaml', problems)).toEqual([{ file: 'gbk.yaml', field: '(file)', message: expect.stringMatching(/not UTF-8 .*GBK/) }]);
		expect(exercises.map((e) => e.id)).toEqual(['bom']);
	});

	it('names unknown fields, and takes the id from the file name', () => {
		write('typo.yaml', { ...pestExercise(), durration: 5 });
		write('Bad Name.yaml', pestExercise());
		write('same.yaml', pestExercise());
		write('same.yml', pestExercise());
		write('notes.txt', 'not an exercise');
		write('empty.yml', '');

		const { exercises, problems } = loadExercises(dir);

		expect(exercises.map((e) => e.id)).toEqual(['same']);
		expect(problems.map((p) => `${p.file}: ${p.field}`).sort()).toEqual([
			'Bad Name.yaml: (file)',
			'empty.yml: (file)',
			'same.yml: (file)',
			'typo.yaml: durration'
		]);
		expect(problemsOf('typo.yaml', problems)[0].message).toMatch(/unknown field/);
	});

	it('reports a missing folder instead of throwing', () => {
		const missing = path.join(dir, 'nowhere');
		const result = loadExercises(missing);
		expect(result.exercises).toEqual([]);
		expect(result.problems).toEqual([{ file: missing, field: '(file)', message: expect.stringMatching(/cannot read/) }]);
	});
});

describe('parseExercise', () => {
	it('fills the defaults of the format', () => {
		const fishbone = {
			...pestExercise(),
			kind: 'fishbone',
			topic: 'cost',
			board: { problem: L('分拨成本高', 'Sorting cost is high') }
		};
		const { exercise, problems } = parseExercise(stringify(fishbone));
		expect(problems).toEqual([]);
		if (exercise?.kind !== 'fishbone') throw new Error('expected a fishbone');
		expect(exercise.board.bones).toEqual(FISHBONE_DEFAULT_BONES);
		expect(exercise.board.bones).not.toBe(FISHBONE_DEFAULT_BONES);
		expect(exercise.board.top_measures).toBe(5);
		expect(exercise.board.votes_per_participant).toBe(3);
		expect(exercise.phases.every((p) => p.private === false)).toBe(true);
	});

	it('trims texts and rejects empty ones', () => {
		const blank = pestExercise();
		blank.goal = L('  目标  ', '   ');
		expect(parseExercise(stringify(blank)).problems).toEqual([{ field: 'goal.en', message: 'expected a non-empty text' }]);
	});
});

describe('helpers', () => {
	it('formats field paths with indexes', () => {
		expect(formatPath(['rubric', 'criteria', 1, 'weight'])).toBe('rubric.criteria[1].weight');
		expect(formatPath([])).toBe('');
	});

	it('localizes with a fallback', () => {
		expect(localize(L('你好', 'Hello'), 'en')).toBe('Hello');
		expect(localize(L('你好', ''), 'en')).toBe('你好');
	});
});

describe('the cached library', () => {
	it('loads a folder once and serves frozen exercises by id', () => {
		write('good.yaml', pestExercise());
		write('broken.yaml', 'kind: [');
		const result = library.reload(dir);
		expect(result.exercises.map((e) => e.id)).toEqual(['good']);
		expect(library.all()).toBe(result.exercises);
		expect(library.get('good')?.kind).toBe('pest');
		expect(library.get('broken')).toBeUndefined();
		expect(library.problems().map((p) => p.file)).toEqual(['broken.yaml']);
		expect(Object.isFrozen(library.get('good')?.rubric.criteria[0])).toBe(true);

		fs.rmSync(path.join(dir, 'good.yaml'));
		expect(library.get('good')).toBeDefined(); // cached until reload
		expect(library.reload(dir).exercises).toEqual([]);
	});
});
