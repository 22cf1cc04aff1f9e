ALTER TABLE `indicators` ADD `direction` text DEFAULT 'increase' NOT NULL;--> statement-breakpoint
ALTER TABLE `indicators` ADD `range_min` real;--> statement-breakpoint
ALTER TABLE `indicators` ADD `range_max` real;--> statement-breakpoint
-- Indicators recorded before they had a direction keep the one the app inferred for them: an end
-- target below the baseline means bringing the indicator down (malnutrition, distance to water).
UPDATE `indicators` SET `direction` = 'decrease' WHERE `baseline_value` IS NOT NULL AND `target_value` < `baseline_value`;
