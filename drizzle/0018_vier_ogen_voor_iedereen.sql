CREATE TABLE `controle_uitnodigingen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`partij` text NOT NULL,
	`regio_id` integer NOT NULL,
	`jaar` integer NOT NULL,
	`einde` text NOT NULL,
	`naam` text NOT NULL,
	`email` text NOT NULL,
	`uitgenodigd_door` integer NOT NULL,
	`verloopt_op` text NOT NULL,
	`gebruikt_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uitgenodigd_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "controle_uitnodigingen_einde" CHECK((date(einde) IS einde))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `controle_uitnodigingen_token_hash_unique` ON `controle_uitnodigingen` (`token_hash`);--> statement-breakpoint
CREATE INDEX `controle_uitnodigingen_organisatie` ON `controle_uitnodigingen` (`organisatie_id`,`regio_id`,`jaar`);--> statement-breakpoint
-- Hand-reviewed (issue 30.2): drizzle-kit wanted to rebuild fatale_datum_controles for the two new CHECKs, which would
-- drop its data_revisie triggers (0008). Columns are added in place instead, the checks written on the columns (the
-- same constraints as the snapshot's table-level checks).
ALTER TABLE `fatale_datum_controles` ADD `soort` text DEFAULT 'collega' NOT NULL CHECK (`soort` IN ('collega', 'tweede-lezing', 'extern'));--> statement-breakpoint
ALTER TABLE `fatale_datum_controles` ADD `kenmerk` text;--> statement-breakpoint
ALTER TABLE `fatale_datum_controles` ADD `bekendmaking` text CHECK (`bekendmaking` IS NULL OR date(`bekendmaking`) IS `bekendmaking`);--> statement-breakpoint
ALTER TABLE `fatale_datum_controles` ADD `bekendmaking_wijze` text CHECK (`bekendmaking_wijze` IS NULL OR `bekendmaking_wijze` IN ('verzenddatum', 'stempel', 'ontvangst'));--> statement-breakpoint
ALTER TABLE `fatale_datum_controles` ADD `extern_naam` text;--> statement-breakpoint
ALTER TABLE `fatale_datum_controles` ADD `extern_email` text;--> statement-breakpoint
CREATE TRIGGER `controle_uitnodigingen_revisie_i` AFTER INSERT ON `controle_uitnodigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `controle_uitnodigingen_revisie_u` AFTER UPDATE ON `controle_uitnodigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `controle_uitnodigingen_revisie_d` AFTER DELETE ON `controle_uitnodigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `controle_uitnodigingen_eigenaar_u` BEFORE UPDATE OF `organisatie_id` ON `controle_uitnodigingen` WHEN NEW.`organisatie_id` IS NOT OLD.`organisatie_id`
BEGIN SELECT RAISE(ABORT, 'de eigenaar van een rij verandert niet'); END;
