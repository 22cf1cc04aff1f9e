CREATE TABLE `analysis_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`on_track_pct` integer NOT NULL,
	`at_risk_pct` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_settings_cycle` ON `analysis_settings` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `overlap_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`activity_a_id` text NOT NULL,
	`activity_b_id` text NOT NULL,
	`decision` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`decided_by` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `overlap_decisions_pair` ON `overlap_decisions` (`cycle_id`,`activity_a_id`,`activity_b_id`);--> statement-breakpoint
CREATE TABLE `statutory_dates` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`month` integer NOT NULL,
	`day` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statutory_dates_key` ON `statutory_dates` (`cycle_id`,`key`);--> statement-breakpoint
CREATE TABLE `trigger_proposal_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`proposal_key` text NOT NULL,
	`decision` text NOT NULL,
	`trigger_id` text,
	`note` text DEFAULT '' NOT NULL,
	`decided_by` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trigger_proposal_decisions_key` ON `trigger_proposal_decisions` (`cycle_id`,`proposal_key`);