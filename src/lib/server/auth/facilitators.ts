import { count, eq } from 'drizzle-orm';
import * as db from '../db';
import { facilitator } from '../db/schema';
import { newId } from '../ids';
import * as password from './password';

/** How many facilitator accounts exist (0 means the app is on its first run). */
export function total(): number {
	return db.get().select({ n: count() }).from(facilitator).get()?.n ?? 0;
}

/** Normalises an e-mail address for lookup and uniqueness. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Finds a facilitator by e-mail. */
export function byEmail(email: string) {
	return db.get().select().from(facilitator).where(eq(facilitator.email, normaliseEmail(email))).get();
}

/** Lists every facilitator (for the admin). */
export function list() {
	return db
		.get()
		.select({ id: facilitator.id, email: facilitator.email, name: facilitator.name, isAdmin: facilitator.isAdmin })
		.from(facilitator)
		.orderBy(facilitator.createdAt)
		.all();
}

export type NewFacilitator = { email: string; name: string; password: string; isAdmin: boolean };

/** Creates a facilitator; throws `EmailTaken` when the address is in use. */
export async function create(input: NewFacilitator) {
	const email = normaliseEmail(input.email);
	if (byEmail(email)) throw new EmailTaken(email);
	const row = {
		id: newId(),
		email,
		name: input.name.trim(),
		passwordHash: await password.hash(input.password),
		isAdmin: input.isAdmin,
		createdAt: new Date()
	};
	db.get().insert(facilitator).values(row).run();
	return row;
}

/** Raised when an e-mail address already belongs to a facilitator. */
export class EmailTaken extends Error {
	constructor(email: string) {
		super(`a facilitator with e-mail ${email} exists already`);
	}
}
