import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as custom from '$lib/server/custom-exercises';
import * as library from '$lib/server/exercises';
import { validateExercise } from '$lib/server/exercises/load';
import type { ExerciseDefinition } from '$lib/exercises/schema';
import { applyForm, valuesOf } from './edit-form.server';

const formOf = (values: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.append(k, v);
	return f;
};

let def: ExerciseDefinition;
beforeAll(() => {
	library.reload();
	def = custom.definitionOf(library.get('mot-651-touchpoints')!);
});

describe('the edit form of a custom copy', () => {
	it('round-trips: the stored values, submitted unchanged, give back the same exercise', () => {
		const { candidate, boardProblem } = applyForm(def, formOf(valuesOf(def)));
		expect(boardProblem).toBeUndefined();
		expect(validateExercise(candidate)).toEqual({ exercise: def, problems: [] });
	});

	it('lays edited texts, minutes, weights and board over the definition', () => {
		const values = valuesOf(def);
		values['title.zh-CN'] = '  新标题\r\n';
		values['phases[0].minutes'] = '3';
		values['rubric.criteria[0].weight'] = '2.5';
		values['rubric.peer_weight'] = '0';
		values.board = stringify({ ...def.board, questions: [{ 'zh-CN': '只问一个问题', en: 'One question' }] });
		const { exercise, problems } = validateExercise(applyForm(def, formOf(values)).candidate);
		expect(problems).toEqual([]);
		expect(exercise?.title['zh-CN']).toBe('新标题');
		expect(exercise?.phases[0].minutes).toBe(3);
		expect(exercise?.rubric.criteria[0].weight).toBe(2.5);
		expect(exercise?.rubric.peer_weight).toBe(0);
		expect(exercise?.kind === 'moments-of-truth' && exercise.board.questions).toHaveLength(1);
	});

	it('reads numbers typed in full width, as a Chinese keyboard types them', () => {
		const values = valuesOf(def);
		values['phases[0].minutes'] = '１０';
		values['rubric.peer_weight'] = '０．５';
		const { exercise, problems } = validateExercise(applyForm(def, formOf(values)).candidate);
		expect(problems).toEqual([]);
		expect(exercise?.phases[0].minutes).toBe(10);
		expect(exercise?.rubric.peer_weight).toBe(0.5);
	});

	it('refuses a board the tablets would cut down: more than 8 steps, keys over 64 characters', () => {
		const values = valuesOf(def);
		const board = def.board as { steps?: unknown[]; tools: { key: string }[] };
		const steps = Array.from({ length: 9 }, (_, i) => ({ key: `s${i}`, title: { 'zh-CN': `第${i + 1}步`, en: `Step ${i + 1}` } }));
		values.board = stringify({ ...def.board, steps, tools: [{ ...board.tools[0], key: 'k'.repeat(65) }, ...board.tools.slice(1)] });
		const fields = validateExercise(applyForm(def, formOf(values)).candidate).problems.map((p) => p.field);
		expect(fields).toContain('board.steps');
		expect(fields).toContain('board.tools[0].key');
	});

	it('reports each wrong field by its form name and keeps what was typed', () => {
		const values = valuesOf(def);
		values['phases[1].minutes'] = 'abc';
		values['title.en'] = '   ';
		values['rubric.peer_weight'] = '1.5';
		const result = applyForm(def, formOf(values));
		expect(result.values['phases[1].minutes']).toBe('abc');
		expect(result.values['title.en']).toBe('   ');
		const fields = validateExercise(result.candidate).problems.map((p) => p.field).sort();
		expect(fields).toEqual(['phases[1].minutes', 'rubric.peer_weight', 'title.en']);
	});

	it('names the line of a board that is not YAML, and of a board that breaks the schema', () => {
		const values = valuesOf(def);
		values.board = 'tools:\n  - key: a\n   title: [';
		const broken = applyForm(def, formOf(values));
		expect(broken.boardProblem?.field).toBe('board');
		expect(broken.boardProblem?.message).toMatch(/白板内容（YAML）第 \d+ 行第 \d+ 列格式有误/);
		// Typed with a full-width colon, as a Chinese keyboard does: the message says what to look for.
		values.board = 'tools：\n  - key: a';
		expect(applyForm(def, formOf(values)).boardProblem?.message).toMatch(/全角冒号/);

		values.board = stringify({ ...def.board, curve: { min: 5, max: 1 } });
		const problems = validateExercise(applyForm(def, formOf(values)).candidate).problems;
		expect(problems).toEqual([expect.objectContaining({ field: 'board.curve.max' })]);
	});
});
