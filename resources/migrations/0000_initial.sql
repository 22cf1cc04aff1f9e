CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`objective_id` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sector` text NOT NULL,
	`lead_org_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`expected_output` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`completion_pct` integer DEFAULT 0 NOT NULL,
	`challenges` text DEFAULT '' NOT NULL,
	`actions_taken` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_cycle` ON `activities` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `activities_lead` ON `activities` (`lead_org_id`);--> statement-breakpoint
CREATE INDEX `activities_objective` ON `activities` (`objective_id`);--> statement-breakpoint
CREATE TABLE `activity_supporters` (
	`activity_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`activity_id`, `organisation_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_supporters_org` ON `activity_supporters` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `activity_wards` (
	`activity_id` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`activity_id`, `unit_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_wards_unit` ON `activity_wards` (`unit_id`);--> statement-breakpoint
CREATE TABLE `adaptive_triggers` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`kind` text NOT NULL,
	`trigger` text NOT NULL,
	`proposed_action` text NOT NULL,
	`timeline` text DEFAULT '' NOT NULL,
	`responsible_org_id` text NOT NULL,
	`expected_outcome` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`indicator_id` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `adaptive_triggers_cycle` ON `adaptive_triggers` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `admin_units` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`parent_id` text,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `admin_units_parent` ON `admin_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_name` text NOT NULL,
	`action` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`cycle_id` text,
	`before_json` text,
	`after_json` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_row` ON `audit_log` (`row_id`);--> statement-breakpoint
CREATE INDEX `audit_log_cycle` ON `audit_log` (`cycle_id`,`id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`is_key_contact` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_cycle` ON `contacts` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `contacts_org` ON `contacts` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`activity_id` text,
	`component` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`contributor_org_id` text NOT NULL,
	`type` text NOT NULL,
	`on_budget` integer DEFAULT false NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`utilisation_plan` text DEFAULT '' NOT NULL,
	`comments` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contributor_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contributions_cycle` ON `contributions` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `contributions_activity` ON `contributions` (`activity_id`);--> statement-breakpoint
CREATE INDEX `contributions_contributor` ON `contributions` (`contributor_org_id`);--> statement-breakpoint
CREATE TABLE `cycle_scope_units` (
	`cycle_id` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`cycle_id`, `unit_id`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`county_id` text NOT NULL,
	`lead_org_id` text,
	`fiscal_year` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reporting_period` text NOT NULL,
	`phase` text NOT NULL,
	`kes_per_usd_scaled` integer NOT NULL,
	`exchange_rate_date` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`contribution_id` text NOT NULL,
	`period_key` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`date` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disbursements_cycle` ON `disbursements` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `disbursements_contribution` ON `disbursements` (`contribution_id`);--> statement-breakpoint
CREATE TABLE `indicator_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`indicator_id` text NOT NULL,
	`period_key` text NOT NULL,
	`target` real NOT NULL,
	`actual` real,
	`actual_note` text DEFAULT '' NOT NULL,
	`evaluation_criterion` text,
	`evaluated_on` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_periods_cycle` ON `indicator_periods` (`cycle_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_periods_key` ON `indicator_periods` (`indicator_id`,`period_key`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`unit` text NOT NULL,
	`baseline_value` real,
	`baseline_date` text,
	`target_value` real NOT NULL,
	`data_source` text DEFAULT '' NOT NULL,
	`collection_method` text DEFAULT '' NOT NULL,
	`frequency` text DEFAULT '' NOT NULL,
	`responsible_org_id` text NOT NULL,
	`objective_id` text,
	`activity_id` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicators_cycle` ON `indicators` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `installation` (
	`id` text PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`user_name` text DEFAULT '' NOT NULL,
	`last_hlc` text,
	`last_cycle_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `learning_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`entry_date` text NOT NULL,
	`session` text NOT NULL,
	`what_worked` text DEFAULT '' NOT NULL,
	`what_did_not` text DEFAULT '' NOT NULL,
	`improvements` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`follow_up_action` text DEFAULT '' NOT NULL,
	`responsible_org_id` text NOT NULL,
	`due_date` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `learning_entries_cycle` ON `learning_entries` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `milestone_parties` (
	`milestone_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`milestone_id`, `organisation_id`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestone_parties_org` ON `milestone_parties` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`progress_notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestones_cycle` ON `milestones` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`statement` text NOT NULL,
	`priority_area` text DEFAULT '' NOT NULL,
	`cidp_link` text DEFAULT '' NOT NULL,
	`sector` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objectives_cycle` ON `objectives` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`interest` text NOT NULL,
	`influence` text NOT NULL,
	`involvement` text DEFAULT '' NOT NULL,
	`communication_strategy` text DEFAULT '' NOT NULL,
	`remarks` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisations_cycle` ON `organisations` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`likelihood` text NOT NULL,
	`impact` text NOT NULL,
	`mitigation` text DEFAULT '' NOT NULL,
	`responsible_org_id` text NOT NULL,
	`status` text NOT NULL,
	`review_date` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risks_cycle` ON `risks` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `signatories` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`organisation_id` text NOT NULL,
	`role` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`signed_on` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signatories_cycle` ON `signatories` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `tombstones` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`owner_org_id` text,
	`deleted_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `tombstones_cycle` ON `tombstones` (`cycle_id`);