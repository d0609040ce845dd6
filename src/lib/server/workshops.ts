import { and, asc, eq, ne, sql } from 'drizzle-orm';
import * as db from './db';
import { activity, group, participant, workshop, type Workshop } from './db/schema';
import { newId } from './ids';
import * as joinCode from './join-code';
import { GROUP_COLOURS } from '../groups';

export type Language = 'zh-CN' | 'en';

/** The default name of the n-th group (1-based) in a workshop's language. */
export function defaultGroupName(n: number, language: Language): string {
	return language === 'zh-CN' ? `第${n}组` : `Group ${n}`;
}

type Tx = Parameters<Parameters<ReturnType<typeof db.get>['transaction']>[0]>[0];

/** A join code no open workshop uses (inside the transaction that will store it). */
export function unusedJoinCode(tx: Tx): string {
	let code = joinCode.generate();
	// Retry on the rare collision with another open workshop's code.
	for (let i = 0; i < 20 && tx.select({ id: workshop.id }).from(workshop).where(and(eq(workshop.joinCode, code), ne(workshop.status, 'ended'))).get(); i++) {
		code = joinCode.generate();
	}
	return code;
}

/** Gives a workshop a new join code (when reopening it finds its old one taken); returns it. */
export function renewJoinCode(workshopId: string): string {
	return db.get().transaction((tx) => {
		const code = unusedJoinCode(tx);
		tx.update(workshop).set({ joinCode: code }).where(eq(workshop.id, workshopId)).run();
		return code;
	});
}

/** Creates a workshop with `groupCount` groups and a join code unique among open workshops. */
export function create(
	ownerId: string,
	input: { title: string; language: Language; groupCount: number; scheduledFor?: string | null }
): Workshop {
	const d = db.get();
	return d.transaction((tx) => {
		const code = unusedJoinCode(tx);
		const row: Workshop = {
			id: newId(),
			ownerId,
			title: input.title.trim(),
			language: input.language,
			joinCode: code,
			status: 'draft',
			scheduledFor: input.scheduledFor ?? null,
			reportTarget: 1000,
			endedAt: null,
			archivedAt: null,
			createdAt: new Date()
		};
		tx.insert(workshop).values(row).run();
		for (let n = 1; n <= input.groupCount; n++) {
			tx.insert(group)
				.values({ id: newId(), workshopId: row.id, position: n, name: defaultGroupName(n, input.language), colour: (n - 1) % GROUP_COLOURS.length, locked: false })
				.run();
		}
		return row;
	});
}

/** The workshops of one facilitator, newest first. */
export function listForOwner(ownerId: string) {
	return db.get().select().from(workshop).where(eq(workshop.ownerId, ownerId)).orderBy(sql`${workshop.createdAt} desc`).all();
}

/** A workshop if, and only if, `ownerId` owns it. */
export function getOwned(ownerId: string, workshopId: string): Workshop | undefined {
	return db.get().select().from(workshop).where(and(eq(workshop.id, workshopId), eq(workshop.ownerId, ownerId))).get();
}

/** A workshop by id, whoever owns it (for the server's own checks). */
export function get(workshopId: string): Workshop | undefined {
	return db.get().select().from(workshop).where(eq(workshop.id, workshopId)).get();
}

/** The workshop that can be joined with `code` (ended workshops cannot). */
export function byJoinCode(code: string): Workshop | undefined {
	return db.get().select().from(workshop).where(and(eq(workshop.joinCode, code), ne(workshop.status, 'ended'))).get();
}

/** Whether `code` is the join code of a workshop that has ended. */
export function endedWithJoinCode(code: string): boolean {
	return db.get().select({ id: workshop.id }).from(workshop).where(and(eq(workshop.joinCode, code), eq(workshop.status, 'ended'))).get() !== undefined;
}

/** A workshop's groups in order. */
export function groups(workshopId: string) {
	return db.get().select().from(group).where(eq(group.workshopId, workshopId)).orderBy(asc(group.position)).all();
}

/** A workshop's agenda in order. */
export function activities(workshopId: string) {
	return db.get().select().from(activity).where(eq(activity.workshopId, workshopId)).orderBy(asc(activity.position)).all();
}

/** One activity with its workshop's id. */
export function getActivity(activityId: string) {
	return db.get().select().from(activity).where(eq(activity.id, activityId)).get();
}

/** A workshop's participants, oldest first. */
export function participants(workshopId: string) {
	return db.get().select().from(participant).where(eq(participant.workshopId, workshopId)).orderBy(asc(participant.createdAt)).all();
}

/** Renames a group and sets its colour. */
export function updateGroup(workshopId: string, groupId: string, name: string, colour: number): void {
	db.get().update(group).set({ name: name.trim(), colour }).where(and(eq(group.id, groupId), eq(group.workshopId, workshopId))).run();
}

/** Sets the number of groups: adds groups at the end, or removes trailing ones (the caller checks they hold nothing: see in-use.ts). */
export function resizeGroups(w: Workshop, count: number): void {
	const existing = groups(w.id);
	db.get().transaction((tx) => {
		for (let n = existing.length + 1; n <= count; n++) {
			tx.insert(group).values({ id: newId(), workshopId: w.id, position: n, name: defaultGroupName(n, w.language), colour: (n - 1) % GROUP_COLOURS.length, locked: false }).run();
		}
		for (const g of existing.slice(count)) tx.delete(group).where(eq(group.id, g.id)).run();
	});
}

/** Adds an exercise to the end of the agenda, storing the definition as it is now. */
export function addActivity(workshopId: string, exerciseId: string, kind: string, definition: unknown) {
	const last = activities(workshopId).at(-1);
	const row = { id: newId(), workshopId, position: (last?.position ?? 0) + 1, exerciseId, kind, definition, createdAt: new Date() };
	db.get().insert(activity).values(row).run();
	return row;
}

/** Removes an activity from a workshop's agenda. */
export function removeActivity(workshopId: string, activityId: string): void {
	db.get().delete(activity).where(and(eq(activity.id, activityId), eq(activity.workshopId, workshopId))).run();
}

/** Moves a workshop between draft, live and ended. */
export function setStatus(workshopId: string, status: Workshop['status']): void {
	db.get()
		.update(workshop)
		.set({ status, endedAt: status === 'ended' ? new Date() : null })
		.where(eq(workshop.id, workshopId))
		.run();
}
