-- Filings v2 (issue 13): per-case filing data (signer, representation, late-filing facts, bijlagen, edits), the terms a
-- filing leaves behind (hersteltermijn 6:6, griffierecht 8:41 lid 5), and the pro forma bezwaarschrift as a document
-- kind. The zaakdocumenten rebuild only widens its CHECK: every row is copied; its revision triggers are re-created.
CREATE TABLE `stuk_termijnen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`zaak_id` integer NOT NULL,
	`soort` text NOT NULL,
	`brief` text NOT NULL,
	`einde` text NOT NULL,
	`grondslag` text NOT NULL,
	`vervuld` integer DEFAULT false NOT NULL,
	`geregistreerd_door` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geregistreerd_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stuk_termijnen_soort" CHECK(soort IN ('hersteltermijn', 'griffierecht')),
	CONSTRAINT "stuk_termijnen_brief" CHECK((date(brief) IS brief)),
	CONSTRAINT "stuk_termijnen_einde" CHECK((date(einde) IS einde))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stuk_termijnen_uniek` ON `stuk_termijnen` (`zaak_id`,`soort`,`brief`);--> statement-breakpoint
CREATE TABLE `zaak_stukgegevens` (
	`zaak_id` integer PRIMARY KEY NOT NULL,
	`ondertekenaar_id` integer,
	`vertegenwoordiging` text,
	`volmacht_in_bezwaar` integer DEFAULT false NOT NULL,
	`verschoonbaarheid` text DEFAULT '' NOT NULL,
	`rechtstreeks_beroep` integer DEFAULT false NOT NULL,
	`aanvullende_gronden` text DEFAULT '' NOT NULL,
	`belangenafweging` text DEFAULT '' NOT NULL,
	`gelijktijdig_beroep` integer DEFAULT false NOT NULL,
	`bijlagen_json` text DEFAULT '[]' NOT NULL,
	`bewerkingen_json` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ondertekenaar_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
	CONSTRAINT "zaakdocumenten_soort" CHECK(soort IN ('beroepschrift', 'beroepschrift-pro-forma', 'bezwaarschrift', 'bezwaarschrift-pro-forma', 'aanvullende-gronden', 'voorlopige-voorziening', 'clientbrief')),
	CONSTRAINT "zaakdocumenten_versie_positief" CHECK(versie >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_zaakdocumenten`("id", "zaak_id", "soort", "versie", "sjabloon_versie", "gemaakt_door", "gegevens_json", "bestandsnaam", "docx", "aangemaakt_op") SELECT "id", "zaak_id", "soort", "versie", "sjabloon_versie", "gemaakt_door", "gegevens_json", "bestandsnaam", "docx", "aangemaakt_op" FROM `zaakdocumenten`;--> statement-breakpoint
DROP TABLE `zaakdocumenten`;--> statement-breakpoint
ALTER TABLE `__new_zaakdocumenten` RENAME TO `zaakdocumenten`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `zaakdocumenten_versie` ON `zaakdocumenten` (`zaak_id`,`soort`,`versie`);
--> statement-breakpoint
CREATE TRIGGER `stuk_termijnen_revisie_i` AFTER INSERT ON `stuk_termijnen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `stuk_termijnen_revisie_u` AFTER UPDATE ON `stuk_termijnen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `stuk_termijnen_revisie_d` AFTER DELETE ON `stuk_termijnen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaak_stukgegevens_revisie_i` AFTER INSERT ON `zaak_stukgegevens` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaak_stukgegevens_revisie_u` AFTER UPDATE ON `zaak_stukgegevens` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaak_stukgegevens_revisie_d` AFTER DELETE ON `zaak_stukgegevens` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_i` AFTER INSERT ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_u` AFTER UPDATE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_d` AFTER DELETE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
