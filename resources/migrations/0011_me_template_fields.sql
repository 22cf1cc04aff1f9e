ALTER TABLE `activities` ADD `activity_type` text;--> statement-breakpoint
ALTER TABLE `adaptive_triggers` ADD `priority` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `sustainability` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `learning_entries` ADD `capture_methods` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `learning_entries` ADD `timing` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `learning_entries` ADD `expected_use` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `milestones` ADD `format` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `milestones` ADD `audience` text DEFAULT '' NOT NULL;