import { describe, expect, it } from 'vitest';
import type { ScoringError } from './errors';
import { errorMessage, errorStatus } from './messages';

const ALL: ScoringError[] = [
	{ code: 'invalid' },
	{ code: 'not_found' },
	{ code: 'no_rubric' },
	{ code: 'no_group' },
	{ code: 'group_not_in_workshop' },
	{ code: 'self_score' },
	{ code: 'peer_disabled' },
	{ code: 'not_open' },
	{ code: 'closed' },
	{ code: 'already_scored' },
	{ code: 'unknown_criterion', criterion: 'zz' },
	{ code: 'missing_criterion', criterion: 'insight' },
	{ code: 'out_of_scale', criterion: 'insight', min: 1, max: 5 },
	{ code: 'comment_too_long', max: 500 }
];

describe('refusal messages', () => {
	it('gives every refusal its own sentence, naming the criterion by its title', () => {
		const texts = ALL.map((e) => errorMessage(e, (k) => (k === 'insight' ? '环境洞察' : k)));
		expect(new Set(texts).size).toBe(ALL.length);
		expect(texts.every((t) => t.length > 4 && !t.includes('undefined'))).toBe(true);
		expect(errorMessage({ code: 'out_of_scale', criterion: 'insight', min: 1, max: 5 }, () => '环境洞察')).toBe('“环境洞察”的分数须是 1 到 5 之间的整数。');
		expect(errorMessage({ code: 'self_score' })).toBe('不能给自己的小组评分。');
	});

	it('maps refusals to HTTP statuses', () => {
		expect(errorStatus({ code: 'not_found' })).toBe(404);
		expect(errorStatus({ code: 'already_scored' })).toBe(409);
		expect(errorStatus({ code: 'self_score' })).toBe(403);
		expect(errorStatus({ code: 'missing_criterion', criterion: 'a' })).toBe(400);
	});
});
