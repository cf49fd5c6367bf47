-- Four-eyes check of fatal dates (issue 14): who confirmed the last day of a party's term in a (regio, jaar). Shown on
-- pages that are cached per data revision: counted in it.
CREATE TABLE `fatale_datum_controles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`partij` text NOT NULL,
	`regio_id` integer NOT NULL,
	`jaar` integer NOT NULL,
	`einde` text NOT NULL,
	`gecontroleerd_door` integer NOT NULL,
	`gecontroleerd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gecontroleerd_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fatale_datum_controles_einde" CHECK((date(einde) IS einde)),
	CONSTRAINT "fatale_datum_controles_jaar" CHECK((jaar BETWEEN 1900 AND 2200))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fatale_datum_controles_uniek` ON `fatale_datum_controles` (`organisatie_id`,`partij`,`regio_id`,`jaar`,`einde`);--> statement-breakpoint
CREATE TRIGGER `fatale_datum_controles_revisie_i` AFTER INSERT ON `fatale_datum_controles` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `fatale_datum_controles_revisie_u` AFTER UPDATE ON `fatale_datum_controles` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `fatale_datum_controles_revisie_d` AFTER DELETE ON `fatale_datum_controles` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
