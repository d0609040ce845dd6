import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A facilitator's account. The first one created is an admin. */
export const facilitator = sqliteTable('facilitator', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** A facilitator's login session; the id is the SHA-256 of the cookie token, never the token. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		facilitatorId: text('facilitator_id')
			.notNull()
			.references(() => facilitator.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_facilitator_idx').on(t.facilitatorId)]
);

/** A workshop: one class on one day. `status` moves draft → live → ended. */
export const workshop = sqliteTable(
	'workshop',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => facilitator.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		language: text('language', { enum: ['zh-CN', 'en'] }).notNull(),
		joinCode: text('join_code').notNull(),
		status: text('status', { enum: ['draft', 'live', 'ended'] }).notNull().default('draft'),
		scheduledFor: text('scheduled_for'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('workshop_owner_idx').on(t.ownerId),
		// A join code is unique among the workshops that can still be joined.
		uniqueIndex('workshop_open_code_idx').on(t.joinCode).where(sql`status <> 'ended'`)
	]
);

/** A group of 3–8 people around one or more tablets. `colour` indexes the palette of eight. */
export const group = sqliteTable(
	'workshop_group',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		name: text('name').notNull(),
		colour: integer('colour').notNull()
	},
	(t) => [index('group_workshop_idx').on(t.workshopId)]
);

/** One exercise on a workshop's agenda. `definition` is the exercise as it was when added. */
export const activity = sqliteTable(
	'activity',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		exerciseId: text('exercise_id').notNull(),
		kind: text('kind').notNull(),
		definition: text('definition', { mode: 'json' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('activity_workshop_idx').on(t.workshopId)]
);

/** A learner who joined with the code. The cookie token is stored only as its SHA-256. */
export const participant = sqliteTable(
	'participant',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		groupId: text('group_id').references(() => group.id, { onDelete: 'set null' }),
		displayName: text('display_name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('participant_workshop_idx').on(t.workshopId)]
);

/** The append-only log of Yjs updates, one row per update, per document name. */
export const yjsUpdate = sqliteTable(
	'yjs_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		doc: text('doc').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull()
	},
	(t) => [index('yjs_update_doc_idx').on(t.doc, t.id)]
);

export type Facilitator = typeof facilitator.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Workshop = typeof workshop.$inferSelect;
export type Group = typeof group.$inferSelect;
export type Activity = typeof activity.$inferSelect;
export type Participant = typeof participant.$inferSelect;
