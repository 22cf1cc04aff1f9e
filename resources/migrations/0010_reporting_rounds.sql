CREATE TABLE `reporting_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`period_key` text NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`opened_on` text NOT NULL,
	`opened_by` text DEFAULT '' NOT NULL,
	`closed_on` text,
	`closed_by` text DEFAULT '' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_rounds_period` ON `reporting_rounds` (`cycle_id`,`period_key`);--> statement-breakpoint
CREATE TABLE `round_members` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`channel` text NOT NULL,
	`asked_at` text,
	`asked_file` text,
	`reminded_at` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `reporting_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_members_org` ON `round_members` (`round_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `round_members_cycle` ON `round_members` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `round_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`received_at` text NOT NULL,
	`applied` integer NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`problems_json` text DEFAULT '[]' NOT NULL,
	`bundle_import_id` text,
	`change_id` integer,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `reporting_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_returns_round` ON `round_returns` (`round_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `round_returns_cycle` ON `round_returns` (`cycle_id`);