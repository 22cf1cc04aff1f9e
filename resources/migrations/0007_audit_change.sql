-- Audit entries of one change (a save, a delete, an import) share the id of its first entry, so undo can take the change back whole.
ALTER TABLE `audit_log` ADD `change_id` integer;--> statement-breakpoint
CREATE INDEX `audit_log_change` ON `audit_log` (`change_id`);