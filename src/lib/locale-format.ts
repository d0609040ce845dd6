/**
 * Sorting and dates in the reader's language: names sort by the locale's collation (pinyin order
 * in zh-CN, alphabetical in en), and calendar days read as the locale writes them.
 */
const collators = new Map<string, Intl.Collator>();

/** A comparison of names for `locale`, e.g. `names.sort(byName('zh-CN'))`. */
export function byName(locale: string): (a: string, b: string) => number {
	let collator = collators.get(locale);
	if (!collator) {
		collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
		collators.set(locale, collator);
	}
	return collator.compare;
}

/** A calendar day stored as `YYYY-MM-DD`, written for `locale` (the text unchanged if it is not such a day). */
export function formatDay(day: string, locale: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return day;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Names as a list the way the locale writes one (顿号 in Chinese, commas otherwise), sorted. */
export function listNames(names: readonly string[], locale: string): string {
	return [...names].sort(byName(locale)).join(locale.startsWith('zh') ? '、' : ', ');
}
