CREATE TABLE `bundle_identities` (
	`cycle_id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`org_id` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bundle_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`bundle_id` text NOT NULL,
	`kind` text NOT NULL,
	`sender_role` text NOT NULL,
	`sender_org_id` text,
	`sender_name` text NOT NULL,
	`sender_installation_id` text NOT NULL,
	`sender_fingerprint` text NOT NULL,
	`bundle_created_at` text NOT NULL,
	`imported_at` text NOT NULL,
	`user_name` text NOT NULL,
	`backup_file` text,
	`summary_json` text NOT NULL,
	`audit_from` integer NOT NULL,
	`audit_to` integer NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE INDEX `bundle_imports_cycle` ON `bundle_imports` (`cycle_id`,`imported_at`);--> statement-breakpoint
CREATE TABLE `bundle_keys` (
	`installation_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bundle_peer_rows` (
	`peer_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`hlc` text NOT NULL,
	PRIMARY KEY(`peer_id`, `table_name`, `row_id`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bundle_peer_rows_cycle` ON `bundle_peer_rows` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `bundle_peers` (
	`cycle_id` text NOT NULL,
	`peer_id` text NOT NULL,
	`last_clock` text NOT NULL,
	`last_bundle_id` text NOT NULL,
	`last_imported_at` text NOT NULL,
	PRIMARY KEY(`cycle_id`, `peer_id`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bundle_row_bases` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`base_hlc` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bundle_row_bases_cycle` ON `bundle_row_bases` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `bundle_trusted_keys` (
	`cycle_id` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`role` text NOT NULL,
	`org_id` text,
	`label` text NOT NULL,
	`trusted_at` text NOT NULL,
	`trusted_by` text NOT NULL,
	PRIMARY KEY(`cycle_id`, `public_key`)
);
