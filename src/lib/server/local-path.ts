/**
 * Where to go after signing in, from a `?next=` the request carried: a path on this site, or
 * null. Browsers read `/\host` and `/<tab>/host` as `//host`, another site; so the value is
 * resolved as the browser would and kept only when it stays on this origin.
 */
export function localPath(next: string | null, here: URL): string | null {
	if (!next?.startsWith('/') || next.includes('\\')) return null;
	let target: URL;
	try {
		target = new URL(next, here.origin);
	} catch {
		return null;
	}
	if (target.origin !== here.origin) return null;
	return `${target.pathname}${target.search}${target.hash}`;
}
