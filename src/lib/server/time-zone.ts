/** `name` when it is a time zone this runtime knows (e.g. Asia/Shanghai), else the server's own. */
export function knownTimeZone(name: string | null): string {
	if (name && name.length <= 64) {
		try {
			return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
		} catch {
			// RangeError: not a time zone; fall through to the server's.
		}
	}
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A moment as `2026-12-01 16:58:47` in `timeZone`: what spreadsheets read as a date and time. */
export function localDateTime(ms: number, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
			.formatToParts(new Date(ms))
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
