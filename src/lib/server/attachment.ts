/**
 * A Content-Disposition for a download (RFC 6266): an ASCII fallback name for old clients, and
 * the real (often Chinese) name in UTF-8, encoded as RFC 5987 asks (encodeURIComponent alone
 * leaves ' ( ) * as they are).
 */
export function attachment(fallback: string, name: string): string {
	const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
