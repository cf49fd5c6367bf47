-- Issue 28 review: INSERT OR REPLACE (REPLACE INTO) deletes a row and inserts another under the same id; the rows that
-- point at that id (a case at its tariefbeschikking, a note at its case) would then belong to whatever the new row is,
-- past the ownership triggers of 0014, which check only the new row. A row of these tables is changed by UPDATE (which
-- those triggers check), never replaced: an insert on an existing id is refused, as the audit log's (0011).
CREATE TRIGGER `zorgaanbieders_niet_vervangen` BEFORE INSERT ON `zorgaanbieders` WHEN EXISTS (SELECT 1 FROM `zorgaanbieders` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'een bestaande rij wordt niet vervangen; wijzig haar'); END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_niet_vervangen` BEFORE INSERT ON `tariefbeschikkingen` WHEN EXISTS (SELECT 1 FROM `tariefbeschikkingen` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'een bestaande rij wordt niet vervangen; wijzig haar'); END;
--> statement-breakpoint
CREATE TRIGGER `zaken_niet_vervangen` BEFORE INSERT ON `zaken` WHEN EXISTS (SELECT 1 FROM `zaken` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'een bestaande rij wordt niet vervangen; wijzig haar'); END;
--> statement-breakpoint
CREATE TRIGGER `ontvangen_beroepen_niet_vervangen` BEFORE INSERT ON `ontvangen_beroepen` WHEN EXISTS (SELECT 1 FROM `ontvangen_beroepen` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'een bestaande rij wordt niet vervangen; wijzig haar'); END;
