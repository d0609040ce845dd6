import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

/** A random row id (80 bits, 16 lowercase base32 characters). */
export function newId(): string {
	return randomBase32(10);
}

/** A random secret token for a cookie (160 bits), as the Lucia guide recommends. */
export function newToken(): string {
	return randomBase32(20);
}

/** The SHA-256 of a token, hex encoded: what is stored instead of the token itself. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
