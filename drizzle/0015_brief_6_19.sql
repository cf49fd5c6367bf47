-- Filings (issue 29.4): the brief art. 6:19 Awb as a document kind. The zaakdocumenten rebuild only widens its CHECK:
-- every row is copied; its revision triggers (dropped with the table) are re-created.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_zaakdocumenten` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`zaak_id` integer NOT NULL,
	`soort` text NOT NULL,
	`versie` integer NOT NULL,
	`sjabloon_versie` text NOT NULL,
	`gemaakt_door` integer NOT NULL,
	`gegevens_json` text NOT NULL,
	`bestandsnaam` text NOT NULL,
	`docx` blob NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gemaakt_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "zaakdocumenten_soort" CHECK(soort IN ('beroepschrift', 'beroepschrift-pro-forma', 'bezwaarschrift', 'bezwaarschrift-pro-forma', 'aanvullende-gronden', 'voorlopige-voorziening', 'brief-6-19', 'clientbrief')),
	CONSTRAINT "zaakdocumenten_versie_positief" CHECK(versie >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_zaakdocumenten`("id", "zaak_id", "soort", "versie", "sjabloon_versie", "gemaakt_door", "gegevens_json", "bestandsnaam", "docx", "aangemaakt_op") SELECT "id", "zaak_id", "soort", "versie", "sjabloon_versie", "gemaakt_door", "gegevens_json", "bestandsnaam", "docx", "aangemaakt_op" FROM `zaakdocumenten`;--> statement-breakpoint
DROP TABLE `zaakdocumenten`;--> statement-breakpoint
ALTER TABLE `__new_zaakdocumenten` RENAME TO `zaakdocumenten`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `zaakdocumenten_versie` ON `zaakdocumenten` (`zaak_id`,`soort`,`versie`);
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_i` AFTER INSERT ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_u` AFTER UPDATE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_d` AFTER DELETE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
