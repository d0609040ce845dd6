PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_yjs_update` (
	`id` integer PRIMARY KEY NOT NULL,
	`doc` text NOT NULL,
	`update` blob NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_yjs_update`("id", "doc", "update") SELECT "id", "doc", "update" FROM `yjs_update`;--> statement-breakpoint
DROP TABLE `yjs_update`;--> statement-breakpoint
ALTER TABLE `__new_yjs_update` RENAME TO `yjs_update`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `yjs_update_doc_idx` ON `yjs_update` (`doc`,`id`);