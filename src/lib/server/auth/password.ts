import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hash(password: string): Promise<string> {
	return argonHash(password, OPTIONS);
}

/** Whether `password` matches an argon2id hash; false for a malformed hash. */
export async function verify(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await argonVerify(passwordHash, password);
	} catch {
		return false;
	}
}

/** The password rule shown to people: at least 8 characters, at most 200. */
export function acceptable(password: string): boolean {
	return password.length >= 8 && password.length <= 200;
}
