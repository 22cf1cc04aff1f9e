CREATE TABLE `close_out_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`recommendations` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `close_out_notes_cycle` ON `close_out_notes` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `cycle_rollovers` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`to_cycle_id` text NOT NULL,
	`to_fiscal_year` text NOT NULL,
	`rolled_by` text NOT NULL,
	`report_json` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_rollovers_cycle` ON `cycle_rollovers` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `phase_checklist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`phase` text NOT NULL,
	`item_key` text NOT NULL,
	`done_on` text,
	`done_by` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phase_checklist_items_key` ON `phase_checklist_items` (`cycle_id`,`phase`,`item_key`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`number` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`content_hash` text NOT NULL,
	`snapshot_json` text NOT NULL,
	`approved_by` text NOT NULL,
	`approved_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_number` ON `plan_versions` (`cycle_id`,`number`);--> statement-breakpoint
CREATE TABLE `version_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`version_id` text NOT NULL,
	`signatory_id` text,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`organisation_name` text DEFAULT '' NOT NULL,
	`role` text DEFAULT 'other' NOT NULL,
	`signed_on` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `version_signatures_version` ON `version_signatures` (`version_id`);