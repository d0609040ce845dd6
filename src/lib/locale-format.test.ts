import { describe, expect, it } from 'vitest';
import { byName, formatDay, listNames } from './locale-format';

describe('byName', () => {
	it('sorts Chinese names by pinyin in zh-CN and numbers by value', () => {
		expect(['王芳', '李娜', '张伟', '安然'].sort(byName('zh-CN'))).toEqual(['安然', '李娜', '王芳', '张伟']);
		expect(['第10组', '第2组', '第1组'].sort(byName('zh-CN'))).toEqual(['第1组', '第2组', '第10组']);
		expect(['bob', 'Alice', 'émile'].sort(byName('en'))).toEqual(['Alice', 'bob', 'émile']);
	});
});

describe('formatDay', () => {
	it('writes a day as the locale does, and leaves other text alone', () => {
		expect(formatDay('2025-03-08', 'zh-CN')).toBe('2025年3月8日');
		expect(formatDay('2025-03-08', 'en')).toBe('Mar 8, 2025');
		expect(formatDay('soon', 'en')).toBe('soon');
	});
});

describe('listNames', () => {
	it('sorts and joins names as each language writes a list', () => {
		expect(listNames(['王芳', '李娜'], 'zh-CN')).toBe('李娜、王芳');
		expect(listNames(['Bob', 'Ann'], 'en')).toBe('Ann, Bob');
	});
});
