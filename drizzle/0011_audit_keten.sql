-- Issue 28.6: the audit log as a hash chain that refuses every rewrite. Reviewed by hand: two added columns, the
-- triggers below; no table is rebuilt, no entry changed here. Existing entries are chained by the connection set-up
-- (chainAuditLog in src/db/auditKeten.ts, run by openDatabase after the migrations): SQLite has no SHA-256.
ALTER TABLE `audit_log` ADD `vorige_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- REPLACE INTO / INSERT OR REPLACE on an existing id deletes the old row without firing the delete trigger (unless
-- recursive_triggers is on, which openDatabase sets, but a shell does not): refuse any insert that names an id at or
-- below the newest one, that has no hash, or that does not carry the newest entry's hash as its predecessor.
CREATE TRIGGER `audit_log_alleen_toevoegen` BEFORE INSERT ON `audit_log`
WHEN (NEW.`id` <> -1 AND NEW.`id` <= (SELECT coalesce(max(`id`), 0) FROM `audit_log`))
  OR NEW.`hash` IS NULL
  OR NEW.`vorige_hash` IS NOT (SELECT `hash` FROM `audit_log` ORDER BY `id` DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld'); END;
--> statement-breakpoint
-- Still no change to an entry; the one exception is giving an entry from before this migration its place in the chain
-- (hash and vorige_hash set once, nothing else touched).
DROP TRIGGER `audit_log_geen_wijziging`;--> statement-breakpoint
CREATE TRIGGER `audit_log_geen_wijziging` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL OR NEW.`hash` IS NULL
  OR NEW.`id` IS NOT OLD.`id` OR NEW.`op` IS NOT OLD.`op` OR NEW.`gebruiker_id` IS NOT OLD.`gebruiker_id`
  OR NEW.`gebruiker_naam` IS NOT OLD.`gebruiker_naam` OR NEW.`organisatie_id` IS NOT OLD.`organisatie_id`
  OR NEW.`actie` IS NOT OLD.`actie` OR NEW.`onderwerp` IS NOT OLD.`onderwerp` OR NEW.`onderwerp_id` IS NOT OLD.`onderwerp_id`
  OR NEW.`wijzigingen` IS NOT OLD.`wijzigingen`
BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
