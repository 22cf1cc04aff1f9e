CREATE TABLE `bundle_row_revisions` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`hlc` text NOT NULL,
	`cycle_id` text NOT NULL,
	`content` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `hlc`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bundle_row_revisions_cycle` ON `bundle_row_revisions` (`cycle_id`);