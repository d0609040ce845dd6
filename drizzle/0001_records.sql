CREATE TABLE `custom_exercise` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`base_id` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `facilitator`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `custom_exercise_owner_idx` ON `custom_exercise` (`owner_id`);--> statement-breakpoint
CREATE TABLE `reflection` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`facilitator_comment` text,
	`commented_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`reviewer_group_id` text NOT NULL,
	`target_group_id` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_group_id`) REFERENCES `workshop_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_group_id`) REFERENCES `workshop_group`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_pair_idx` ON `review` (`activity_id`,`reviewer_group_id`);--> statement-breakpoint
CREATE TABLE `role_assignment` (
	`activity_id` text NOT NULL,
	`group_id` text NOT NULL,
	`round` integer NOT NULL,
	`participant_id` text NOT NULL,
	`role` text NOT NULL,
	`scenario_key` text,
	`persona_key` text,
	PRIMARY KEY(`activity_id`, `group_id`, `round`, `participant_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `workshop_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `score` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`group_id` text NOT NULL,
	`scorer_kind` text NOT NULL,
	`scorer_group_id` text,
	`scorer_key` text NOT NULL,
	`submitted_by` text NOT NULL,
	`marks` text NOT NULL,
	`comments` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `workshop_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scorer_group_id`) REFERENCES `workshop_group`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `score_activity_idx` ON `score` (`activity_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `score_one_per_scorer_idx` ON `score` (`activity_id`,`group_id`,`scorer_key`);--> statement-breakpoint
CREATE TABLE `score_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`score_id` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	FOREIGN KEY (`score_id`) REFERENCES `score`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot` (
	`doc` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`state` blob NOT NULL,
	`taken_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `snapshot_workshop_idx` ON `snapshot` (`workshop_id`);--> statement-breakpoint
ALTER TABLE `activity` ADD `scoring` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity` ADD `revealed_at` integer;--> statement-breakpoint
ALTER TABLE `activity` ADD `reviews_released_at` integer;--> statement-breakpoint
ALTER TABLE `participant` ADD `revisit_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `participant_revisit_code_unique` ON `participant` (`revisit_code`);--> statement-breakpoint
ALTER TABLE `workshop` ADD `report_target` integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `workshop` ADD `archived_at` integer;