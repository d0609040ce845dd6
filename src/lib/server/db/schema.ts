import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A facilitator's account. The first one created is an admin. */
export const facilitator = sqliteTable('facilitator', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	/** Set when an admin turns the account off (a trainer who left): it can no longer sign in. */
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' })
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
		/** Minimum length, in characters, of a participant's learning report. */
		reportTarget: integer('report_target').notNull().default(1000),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
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
		colour: integer('colour').notNull(),
		/** Frozen by the facilitator: the group's boards are read-only to its participants. */
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false)
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
		/** Scoring of presentations: not yet open, open, or closed by the facilitator. */
		scoring: text('scoring', { enum: ['pending', 'open', 'closed'] }).notNull().default('pending'),
		/** When the leaderboard was revealed; later score changes are audited. */
		revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
		/** When crosswise reviews were released to the reviewed groups. */
		reviewsReleasedAt: integer('reviews_released_at', { mode: 'timestamp_ms' }),
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
		/** The presence colour the participant chose (an index into the presence palette); null: their group's colour. */
		colour: integer('colour'),
		tokenHash: text('token_hash').notNull().unique(),
		/** The personal code that reopens this participant's recap on any device. */
		revisitCode: text('revisit_code').unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('participant_workshop_idx').on(t.workshopId)]
);

/**
 * The append-only log of Yjs updates, one row per update, per document name. A plain rowid key
 * (no AUTOINCREMENT, which rewrites sqlite_sequence on every insert): a new row's id is above
 * every row in the table, so a document's ids keep growing while it has rows.
 */
export const yjsUpdate = sqliteTable(
	'yjs_update',
	{
		id: integer('id').primaryKey(),
		doc: text('doc').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull()
	},
	(t) => [index('yjs_update_doc_idx').on(t.doc, t.id)]
);

/** A facilitator's editable copy of an exercise; the files stay untouched. */
export const customExercise = sqliteTable(
	'custom_exercise',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => facilitator.id, { onDelete: 'cascade' }),
		baseId: text('base_id').notNull(),
		definition: text('definition', { mode: 'json' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('custom_exercise_owner_idx').on(t.ownerId)]
);

/**
 * One scorer's marks for one group's presentation in one activity: the facilitator's, or a
 * peer group's. `marks` maps criterion key → value; `comments` criterion key → text.
 */
export const score = sqliteTable(
	'score',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		groupId: text('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		scorerKind: text('scorer_kind', { enum: ['facilitator', 'group'] }).notNull(),
		/** For peer scores: the scoring group; for the facilitator's: null. */
		scorerGroupId: text('scorer_group_id').references(() => group.id, { onDelete: 'cascade' }),
		/** `facilitator` or `group:<scorerGroupId>`: one score per scorer per presentation. */
		scorerKey: text('scorer_key').notNull(),
		/** Who submitted it: `f:<id>` or `p:<id>`. */
		submittedBy: text('submitted_by').notNull(),
		marks: text('marks', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		comments: text('comments', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('score_activity_idx').on(t.activityId),
		uniqueIndex('score_one_per_scorer_idx').on(t.activityId, t.groupId, t.scorerKey)
	]
);

/** The audit trail of score changes made after the leaderboard was revealed. */
export const scoreChange = sqliteTable('score_change', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	scoreId: text('score_id')
		.notNull()
		.references(() => score.id, { onDelete: 'cascade' }),
	changedBy: text('changed_by').notNull(),
	changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
	before: text('before', { mode: 'json' }).notNull(),
	after: text('after', { mode: 'json' }).notNull()
});

/** A group's short written review of another group's board (crosswise review). */
export const review = sqliteTable(
	'review',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		reviewerGroupId: text('reviewer_group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		targetGroupId: text('target_group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		body: text('body').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('review_pair_idx').on(t.activityId, t.reviewerGroupId)]
);

/** Who plays which role in a role-play round (salesperson, customer, observer). */
export const roleAssignment = sqliteTable(
	'role_assignment',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		groupId: text('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		round: integer('round').notNull(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		role: text('role').notNull(),
		/** The scenario card and persona of this round, chosen by the facilitator or group. */
		scenarioKey: text('scenario_key'),
		personaKey: text('persona_key')
	},
	(t) => [primaryKey({ columns: [t.activityId, t.groupId, t.round, t.participantId] })]
);

/** A participant's learning report for a workshop, with the facilitator's comment. */
export const reflection = sqliteTable('reflection', {
	participantId: text('participant_id')
		.primaryKey()
		.references(() => participant.id, { onDelete: 'cascade' }),
	body: text('body').notNull().default(''),
	submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
	facilitatorComment: text('facilitator_comment'),
	commentedAt: integer('commented_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** A board as it stood when its workshop ended: what participants revisit. */
export const snapshot = sqliteTable(
	'snapshot',
	{
		doc: text('doc').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		state: blob('state', { mode: 'buffer' }).notNull(),
		takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('snapshot_workshop_idx').on(t.workshopId)]
);

export type Facilitator = typeof facilitator.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Workshop = typeof workshop.$inferSelect;
export type Group = typeof group.$inferSelect;
export type Activity = typeof activity.$inferSelect;
export type Participant = typeof participant.$inferSelect;
export type CustomExercise = typeof customExercise.$inferSelect;
export type Score = typeof score.$inferSelect;
export type Review = typeof review.$inferSelect;
export type RoleAssignment = typeof roleAssignment.$inferSelect;
export type Reflection = typeof reflection.$inferSelect;
