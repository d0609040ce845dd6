// `secure` follows the request's protocol, which adapter-node derives from ORIGIN or the
// proxy's PROTOCOL_HEADER: cookies are Secure behind TLS and still work on plain-http localhost.

/** Cookie options for the facilitator session: HttpOnly, SameSite=Lax, Secure behind TLS. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', expires };
}

/** Cookie options for a participant's token: kept for a year so a closed tab finds its group. */
export function participantCookieOptions(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge: 365 * 24 * 60 * 60 };
}
