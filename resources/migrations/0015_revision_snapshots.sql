CREATE TABLE `bundle_revision_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` text NOT NULL,
	`table_name` text NOT NULL,
	`source` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`content` blob NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bundle_revision_snapshots_table` ON `bundle_revision_snapshots` (`cycle_id`,`table_name`,`source`,`sha256`);