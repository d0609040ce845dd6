import { and, count, eq, isNull } from 'drizzle-orm';
import * as db from '../db';
import { facilitator } from '../db/schema';
import { newId } from '../ids';
import * as password from './password';
import { invalidateAllSessions } from './session';

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
		.select({ id: facilitator.id, email: facilitator.email, name: facilitator.name, isAdmin: facilitator.isAdmin, disabled: facilitator.disabledAt, createdAt: facilitator.createdAt })
		.from(facilitator)
		.orderBy(facilitator.createdAt)
		.all();
}

export type NewFacilitator = {
	email: string;
	name: string;
	password: string;
	isAdmin: boolean;
	/** Only as the first account (the first run's administrator). */
	first?: boolean;
};

/**
 * Creates a facilitator; throws `EmailTaken` when the address is in use, `NotFirst` when `first`
 * was asked and an account exists.
 */
export async function create(input: NewFacilitator) {
	const email = normaliseEmail(input.email);
	const check = () => {
		if (input.first && total() > 0) throw new NotFirst();
		if (byEmail(email)) throw new EmailTaken(email);
	};
	check();
	const passwordHash = await password.hash(input.password);
	// Again after the slow hash, and with nothing awaited before the insert: a request sent
	// twice (a double click) or two first-run set-ups at once cannot both get through.
	check();
	const row = { id: newId(), email, name: input.name.trim(), passwordHash, isAdmin: input.isAdmin, createdAt: new Date() };
	db.get().insert(facilitator).values(row).run();
	return row;
}

/** Finds a facilitator by id. */
export function byId(id: string) {
	return db.get().select().from(facilitator).where(eq(facilitator.id, id)).get();
}

/**
 * Gives an account a new password (an admin's reset, or the command line) and ends its sessions,
 * so that whoever held the old password is signed out everywhere. False when there is no such account.
 */
export async function setPassword(id: string, pw: string): Promise<boolean> {
	const passwordHash = await password.hash(pw);
	const changed = db.get().update(facilitator).set({ passwordHash }).where(eq(facilitator.id, id)).run().changes > 0;
	if (changed) invalidateAllSessions(id);
	return changed;
}

/** How many admins can sign in. */
function activeAdmins(): number {
	return db.get().select({ n: count() }).from(facilitator).where(and(eq(facilitator.isAdmin, true), isNull(facilitator.disabledAt))).get()?.n ?? 0;
}

/**
 * Turns an account off (it can no longer sign in, and its sessions end) or on again. Its workshops
 * stay as they are. Refuses (`LastAdmin`) to turn off the last admin who can sign in.
 */
export function setDisabled(id: string, disabled: boolean, now = new Date()): boolean {
	const row = byId(id);
	if (!row) return false;
	if (disabled && row.isAdmin && !row.disabledAt && activeAdmins() <= 1) throw new LastAdmin();
	db.get().update(facilitator).set({ disabledAt: disabled ? (row.disabledAt ?? now) : null }).where(eq(facilitator.id, id)).run();
	if (disabled) invalidateAllSessions(id);
	return true;
}

/** Raised when turning off the only admin who can still sign in. */
export class LastAdmin extends Error {
	constructor() {
		super('this is the only admin who can sign in');
	}
}

/** Raised when the first account was asked for and one exists already. */
export class NotFirst extends Error {
	constructor() {
		super('the first facilitator exists already');
	}
}

/** Raised when an e-mail address already belongs to a facilitator. */
export class EmailTaken extends Error {
	constructor(email: string) {
		super(`a facilitator with e-mail ${email} exists already`);
	}
}
