CREATE TABLE `bron_stand` (
	`bron` text PRIMARY KEY NOT NULL,
	`laatst_gelukt` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bron_voorstellen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`soort` text NOT NULL,
	`bron_id` text NOT NULL,
	`zaak_id` integer,
	`ontvangen_beroep_id` integer,
	`datum` text NOT NULL,
	`titel` text NOT NULL,
	`url` text NOT NULL,
	`zaaknummer` text,
	`status` text DEFAULT 'open' NOT NULL,
	`beoordeeld_door` integer,
	`beoordeeld_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ontvangen_beroep_id`) REFERENCES `ontvangen_beroepen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beoordeeld_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bron_voorstellen_soort" CHECK(soort IN ('uitspraak', 'gelijkgestelde-dag', 'nza-publicatie')),
	CONSTRAINT "bron_voorstellen_status" CHECK(status IN ('open', 'aanvaard', 'afgewezen')),
	CONSTRAINT "bron_voorstellen_datum" CHECK((date(datum) IS datum)),
	CONSTRAINT "bron_voorstellen_uitspraak" CHECK(soort <> 'uitspraak' OR ((zaak_id IS NULL) <> (ontvangen_beroep_id IS NULL)))
);
--> statement-breakpoint
CREATE INDEX `bron_voorstellen_status` ON `bron_voorstellen` (`organisatie_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `bron_voorstellen_uniek` ON `bron_voorstellen` (`organisatie_id`,`soort`,`bron_id`);--> statement-breakpoint
CREATE TABLE `gelijkgestelde_dagen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`datum` text NOT NULL,
	`naam` text NOT NULL,
	`bron` text NOT NULL,
	`voorstel_id` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`voorstel_id`) REFERENCES `bron_voorstellen`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gelijkgestelde_dagen_datum" CHECK((date(datum) IS datum))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gelijkgestelde_dagen_datum_unique` ON `gelijkgestelde_dagen` (`datum`);--> statement-breakpoint
-- Issue 33, by hand: proposals are listed on a page and accepted days feed the Atw calendar of the engine, so both
-- tables move the data revision (docs/adr/0004); bron_stand (the watcher's bookmark) is bookkeeping no view reads.
CREATE TRIGGER `bron_voorstellen_revisie_i` AFTER INSERT ON `bron_voorstellen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bron_voorstellen_revisie_u` AFTER UPDATE ON `bron_voorstellen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bron_voorstellen_revisie_d` AFTER DELETE ON `bron_voorstellen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gelijkgestelde_dagen_revisie_i` AFTER INSERT ON `gelijkgestelde_dagen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gelijkgestelde_dagen_revisie_u` AFTER UPDATE ON `gelijkgestelde_dagen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gelijkgestelde_dagen_revisie_d` AFTER DELETE ON `gelijkgestelde_dagen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
-- Every cell's end dates read the calendar: an accepted day moves what every cell depends on, row (0, 0) (migration 0005).
CREATE TRIGGER `gelijkgestelde_dagen_cel_i` AFTER INSERT ON `gelijkgestelde_dagen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `gelijkgestelde_dagen_cel_d` AFTER DELETE ON `gelijkgestelde_dagen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
-- The owner holds the line in the database too (docs/adr/0006): a proposal to close a case, or a received beroep,
-- belongs to the organisation of that case or beroep, never to another.
CREATE TRIGGER `bron_voorstellen_eigenaar_zaak` BEFORE INSERT ON `bron_voorstellen` WHEN NEW.`zaak_id` IS NOT NULL AND (SELECT `organisatie_id` FROM `zaken` WHERE `id` = NEW.`zaak_id`) IS NOT NEW.`organisatie_id`
BEGIN SELECT RAISE(ABORT, 'een voorstel hoort bij de organisatie van de zaak'); END;
--> statement-breakpoint
CREATE TRIGGER `bron_voorstellen_eigenaar_beroep` BEFORE INSERT ON `bron_voorstellen` WHEN NEW.`ontvangen_beroep_id` IS NOT NULL AND (SELECT `organisatie_id` FROM `ontvangen_beroepen` WHERE `id` = NEW.`ontvangen_beroep_id`) IS NOT NEW.`organisatie_id`
BEGIN SELECT RAISE(ABORT, 'een voorstel hoort bij de organisatie van het ontvangen beroep'); END;
--> statement-breakpoint
CREATE TRIGGER `bron_voorstellen_eigenaar_vast` BEFORE UPDATE OF `organisatie_id`, `zaak_id`, `ontvangen_beroep_id`, `soort`, `bron_id` ON `bron_voorstellen`
BEGIN SELECT RAISE(ABORT, 'een voorstel verandert niet van eigenaar of bron'); END;
