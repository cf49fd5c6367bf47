-- Issue 28 review: the audit chain's boundary, so entries from before the keyed chain are chained exactly once.
-- Reviewed by hand: one new one-row table (generated), then added below: its row, written here with the id of the
-- newest entry (0 when none; every entry so far is without hash, from before 0011, or has the unkeyed hash of
-- 0011-0012); triggers that refuse any change to it once the connection set-up has (re)chained those entries with the
-- key and set its hash (chainAuditLog in src/db/auditKeten.ts, in one transaction), and any delete; and the audit log's
-- update trigger narrowed to exactly that one step.
CREATE TABLE `audit_keten_grens` (
	`id` integer PRIMARY KEY NOT NULL,
	`tot_id` integer NOT NULL,
	`hash` text,
	CONSTRAINT "audit_keten_grens_een_rij" CHECK("audit_keten_grens"."id" = 1)
);
--> statement-breakpoint
INSERT INTO `audit_keten_grens` (`id`, `tot_id`, `hash`) SELECT 1, coalesce(max(`id`), 0), NULL FROM `audit_log`;--> statement-breakpoint
CREATE TRIGGER `audit_keten_grens_vast` BEFORE UPDATE ON `audit_keten_grens`
WHEN OLD.`hash` IS NOT NULL OR NEW.`hash` IS NULL OR NEW.`id` IS NOT OLD.`id` OR NEW.`tot_id` IS NOT OLD.`tot_id`
BEGIN SELECT RAISE(ABORT, 'de grens van het auditlog kan niet worden gewijzigd'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_keten_grens_geen_verwijdering` BEFORE DELETE ON `audit_keten_grens`
BEGIN SELECT RAISE(ABORT, 'de grens van het auditlog kan niet worden verwijderd'); END;
--> statement-breakpoint
-- An entry gets its (keyed) hash only while the boundary is not yet sealed, and only when it lies at or before the
-- boundary; its content never changes.
DROP TRIGGER `audit_log_geen_wijziging`;--> statement-breakpoint
CREATE TRIGGER `audit_log_geen_wijziging` BEFORE UPDATE ON `audit_log`
WHEN NEW.`hash` IS NULL
  OR NOT EXISTS (SELECT 1 FROM `audit_keten_grens` WHERE `hash` IS NULL AND OLD.`id` <= `tot_id`)
  OR NEW.`id` IS NOT OLD.`id` OR NEW.`op` IS NOT OLD.`op` OR NEW.`gebruiker_id` IS NOT OLD.`gebruiker_id`
  OR NEW.`gebruiker_naam` IS NOT OLD.`gebruiker_naam` OR NEW.`organisatie_id` IS NOT OLD.`organisatie_id`
  OR NEW.`actie` IS NOT OLD.`actie` OR NEW.`onderwerp` IS NOT OLD.`onderwerp` OR NEW.`onderwerp_id` IS NOT OLD.`onderwerp_id`
  OR NEW.`wijzigingen` IS NOT OLD.`wijzigingen`
BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
