CREATE TABLE `cycle_marks` (
	`cycle_id` text PRIMARY KEY NOT NULL,
	`source` text,
	`archived_at` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
