CREATE TABLE `ward_boundary_layers` (
	`id` text PRIMARY KEY NOT NULL,
	`county_id` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`schematic` integer DEFAULT false NOT NULL,
	`topology` text NOT NULL,
	`ward_count` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`replaced_at` text,
	`undone_at` text,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ward_boundary_layers_county` ON `ward_boundary_layers` (`county_id`);