CREATE TABLE `contracteerruimtebedragen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`besluit_id` integer NOT NULL,
	`regio_id` integer NOT NULL,
	`jaar` integer NOT NULL,
	`bedrag_centen` integer NOT NULL,
	FOREIGN KEY (`besluit_id`) REFERENCES `contracteerruimtebesluiten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracteerruimtebedragen_jaar" CHECK((jaar BETWEEN 1900 AND 2200)),
	CONSTRAINT "contracteerruimtebedragen_bedrag" CHECK(bedrag_centen >= 0)
);
--> statement-breakpoint
CREATE INDEX `contracteerruimtebedragen_regio_jaar` ON `contracteerruimtebedragen` (`regio_id`,`jaar`);--> statement-breakpoint
CREATE UNIQUE INDEX `contracteerruimtebedragen_uniek` ON `contracteerruimtebedragen` (`besluit_id`,`regio_id`,`jaar`);--> statement-breakpoint
CREATE TABLE `contracteerruimtebesluiten` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uitgever` text DEFAULT 'NZa' NOT NULL,
	`kenmerk` text NOT NULL,
	`soort` text NOT NULL,
	`besluitdatum` text NOT NULL,
	`bekendgemaakt` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	CONSTRAINT "contracteerruimtebesluiten_soort" CHECK(soort IN ('vaststelling', 'wijziging')),
	CONSTRAINT "contracteerruimtebesluiten_besluitdatum" CHECK((date(besluitdatum) IS besluitdatum)),
	CONSTRAINT "contracteerruimtebesluiten_bekendgemaakt" CHECK((date(bekendgemaakt) IS bekendgemaakt)),
	CONSTRAINT "contracteerruimtebesluiten_volgorde" CHECK(bekendgemaakt >= besluitdatum)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracteerruimtebesluiten_kenmerk` ON `contracteerruimtebesluiten` (`uitgever`,`kenmerk`);--> statement-breakpoint
CREATE TABLE `gebruikers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`naam` text NOT NULL,
	`email` text NOT NULL,
	`rol` text NOT NULL,
	`organisatie_id` integer NOT NULL,
	`herinneringsschema` text,
	`weekoverzicht` integer DEFAULT false NOT NULL,
	`agenda_token` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gebruikers_rol" CHECK(rol IN ('jurist', 'nza-jurist', 'beheerder'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gebruikers_email_unique` ON `gebruikers` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `gebruikers_agenda_token_unique` ON `gebruikers` (`agenda_token`);--> statement-breakpoint
CREATE TABLE `herinneringen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sleutel` text NOT NULL,
	`soort` text NOT NULL,
	`zaak_id` integer,
	`gebruiker_id` integer NOT NULL,
	`einde` text,
	`werkdagen_vooraf` integer,
	`moment` text NOT NULL,
	`status` text DEFAULT 'gepland' NOT NULL,
	`pogingen` integer DEFAULT 0 NOT NULL,
	`volgende_poging` integer DEFAULT 0 NOT NULL,
	`geclaimd_op` integer,
	`inhaal` integer DEFAULT false NOT NULL,
	`fout` text,
	`message_id` text,
	`verzonden_op` text,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "herinneringen_status" CHECK(status IN ('gepland', 'bezig', 'verzonden', 'overgeslagen', 'vervallen', 'mislukt', 'onzeker')),
	CONSTRAINT "herinneringen_moment" CHECK((date(moment) IS moment))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `herinneringen_sleutel_unique` ON `herinneringen` (`sleutel`);--> statement-breakpoint
CREATE INDEX `herinneringen_te_versturen` ON `herinneringen` (`status`,`moment`);--> statement-breakpoint
CREATE INDEX `herinneringen_zaak` ON `herinneringen` (`zaak_id`);--> statement-breakpoint
CREATE TABLE `organisaties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`naam` text NOT NULL,
	`soort` text NOT NULL,
	`adres` text,
	`postcode` text,
	`plaats` text,
	`kvk_nummer` text,
	`email` text,
	`telefoon` text,
	`logo_png` blob,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	CONSTRAINT "organisaties_soort" CHECK(soort IN ('zorgaanbieder', 'advocatenkantoor', 'zorgkantoor', 'nza'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisaties_naam_unique` ON `organisaties` (`naam`);--> statement-breakpoint
CREATE TABLE `tariefbeschikkingen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uitgever` text DEFAULT 'NZa' NOT NULL,
	`kenmerk` text NOT NULL,
	`zorgaanbieder_id` integer NOT NULL,
	`regio_id` integer NOT NULL,
	`jaar` integer NOT NULL,
	`soort` text NOT NULL,
	`besluitdatum` text NOT NULL,
	`bekendgemaakt` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`zorgaanbieder_id`) REFERENCES `zorgaanbieders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tariefbeschikkingen_soort" CHECK(soort IN ('vaststelling', 'wijziging', 'nacalculatie', 'sluittarief', 'vereffening')),
	CONSTRAINT "tariefbeschikkingen_jaar" CHECK((jaar BETWEEN 1900 AND 2200)),
	CONSTRAINT "tariefbeschikkingen_besluitdatum" CHECK((date(besluitdatum) IS besluitdatum)),
	CONSTRAINT "tariefbeschikkingen_bekendgemaakt" CHECK((date(bekendgemaakt) IS bekendgemaakt)),
	CONSTRAINT "tariefbeschikkingen_volgorde" CHECK(bekendgemaakt >= besluitdatum)
);
--> statement-breakpoint
CREATE INDEX `tariefbeschikkingen_regio_jaar` ON `tariefbeschikkingen` (`regio_id`,`jaar`);--> statement-breakpoint
CREATE INDEX `tariefbeschikkingen_zorgaanbieder` ON `tariefbeschikkingen` (`zorgaanbieder_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tariefbeschikkingen_kenmerk` ON `tariefbeschikkingen` (`uitgever`,`kenmerk`);--> statement-breakpoint
CREATE TABLE `uitgaande_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`aan` text NOT NULL,
	`onderwerp` text NOT NULL,
	`tekst` text NOT NULL,
	`eml` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uitgaande_mail_message_id_unique` ON `uitgaande_mail` (`message_id`);--> statement-breakpoint
CREATE TABLE `vertegenwoordigingen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`zorgaanbieder_id` integer NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zorgaanbieder_id`) REFERENCES `zorgaanbieders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vertegenwoordigingen_uniek` ON `vertegenwoordigingen` (`organisatie_id`,`zorgaanbieder_id`);--> statement-breakpoint
CREATE TABLE `zaakdocumenten` (
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
	CONSTRAINT "zaakdocumenten_soort" CHECK(soort IN ('beroepschrift', 'beroepschrift-pro-forma', 'bezwaarschrift', 'aanvullende-gronden', 'voorlopige-voorziening', 'clientbrief')),
	CONSTRAINT "zaakdocumenten_versie_positief" CHECK(versie >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `zaakdocumenten_versie` ON `zaakdocumenten` (`zaak_id`,`soort`,`versie`);--> statement-breakpoint
CREATE TABLE `zaakgebeurtenissen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`zaak_id` integer NOT NULL,
	`datum` text NOT NULL,
	`omschrijving` text NOT NULL,
	`gebruiker_id` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`zaak_id`) REFERENCES `zaken`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "zaakgebeurtenissen_datum" CHECK((date(datum) IS datum))
);
--> statement-breakpoint
CREATE INDEX `zaakgebeurtenissen_zaak` ON `zaakgebeurtenissen` (`zaak_id`);--> statement-breakpoint
CREATE TABLE `zaken` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`soort` text NOT NULL,
	`organisatie_id` integer NOT NULL,
	`zorgaanbieder_id` integer,
	`tariefbeschikking_id` integer,
	`contracteerruimtebesluit_id` integer,
	`regio_id` integer,
	`jaar` integer,
	`status` text DEFAULT 'concept' NOT NULL,
	`ingesteld` text,
	`afgerond` text,
	`cbb_zaaknummer` text,
	`griffierecht_mededeling` text,
	`uitspraak` text,
	`verantwoordelijke_id` integer,
	`notities` text DEFAULT '' NOT NULL,
	`gronden` text DEFAULT '' NOT NULL,
	`spoedeisend_belang` text DEFAULT '' NOT NULL,
	`herinneringsschema` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zorgaanbieder_id`) REFERENCES `zorgaanbieders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tariefbeschikking_id`) REFERENCES `tariefbeschikkingen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contracteerruimtebesluit_id`) REFERENCES `contracteerruimtebesluiten`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verantwoordelijke_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "zaken_soort" CHECK(soort IN ('beroep', 'bezwaar')),
	CONSTRAINT "zaken_status" CHECK(status IN ('concept', 'ingediend', 'afgerond')),
	CONSTRAINT "zaken_bezwaar_tegen_tariefbeschikking" CHECK(soort <> 'bezwaar' OR (tariefbeschikking_id IS NOT NULL AND contracteerruimtebesluit_id IS NULL)),
	CONSTRAINT "zaken_beroep_regio_jaar" CHECK(soort <> 'beroep' OR (regio_id IS NOT NULL AND jaar IS NOT NULL)),
	CONSTRAINT "zaken_beroep_grondslag" CHECK(soort <> 'beroep' OR tariefbeschikking_id IS NOT NULL OR contracteerruimtebesluit_id IS NOT NULL),
	CONSTRAINT "zaken_cbb_alleen_beroep" CHECK(cbb_zaaknummer IS NULL OR soort = 'beroep'),
	CONSTRAINT "zaken_jaar" CHECK(jaar IS NULL OR jaar BETWEEN 1900 AND 2200),
	CONSTRAINT "zaken_ingesteld" CHECK(ingesteld IS NULL OR date(ingesteld) IS ingesteld),
	CONSTRAINT "zaken_griffierecht" CHECK(griffierecht_mededeling IS NULL OR (date(griffierecht_mededeling) IS griffierecht_mededeling AND soort = 'beroep')),
	CONSTRAINT "zaken_afgerond" CHECK(afgerond IS NULL OR (date(afgerond) IS afgerond AND ingesteld IS NOT NULL AND afgerond >= ingesteld)),
	CONSTRAINT "zaken_status_datums" CHECK((status = 'concept' AND ingesteld IS NULL) OR (status = 'ingediend' AND ingesteld IS NOT NULL AND afgerond IS NULL) OR (status = 'afgerond' AND afgerond IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `zaken_regio_jaar` ON `zaken` (`regio_id`,`jaar`);--> statement-breakpoint
CREATE INDEX `zaken_organisatie` ON `zaken` (`organisatie_id`);--> statement-breakpoint
CREATE TABLE `zorgaanbieders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`naam` text NOT NULL,
	`kvk_nummer` text NOT NULL,
	`adres` text,
	`postcode` text,
	`plaats` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	CONSTRAINT "zorgaanbieders_kvk" CHECK(length(kvk_nummer) = 8 AND kvk_nummer NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `zorgaanbieders_kvk_nummer_unique` ON `zorgaanbieders` (`kvk_nummer`);--> statement-breakpoint
CREATE TABLE `zorgkantoorregios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`naam` text NOT NULL,
	`zorgkantoor` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `zorgkantoorregios_code_unique` ON `zorgkantoorregios` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `zorgkantoorregios_naam_unique` ON `zorgkantoorregios` (`naam`);