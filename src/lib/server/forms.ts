import * as v from 'valibot';

/** Reads a form field as a trimmed string ('' when absent or not text). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

/** A loose e-mail check: something@something.something, at most 254 characters. */
export const Email = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email());

/** Whether a string is an acceptable e-mail address. */
export function isEmail(value: string): boolean {
	return v.safeParse(Email, value).success;
}

/** Reads an integer field within [min, max]; null when absent or out of range. */
export function int(form: FormData, name: string, min: number, max: number): number | null {
	const raw = text(form, name);
	if (!/^-?\d+$/.test(raw)) return null;
	const n = Number(raw);
	return n >= min && n <= max ? n : null;
}
