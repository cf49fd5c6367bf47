-- Issue 11: accounts, sessions, invitations, API tokens, the audit log. Reviewed by hand: no table is rebuilt.
-- None of the new tables gets data_revisie triggers: no term or cached page is computed from them, and a sign-in
-- must not flush the term cache (test/db/revisie.test.ts lists them as bookkeeping).
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gebruiker_id` integer NOT NULL,
	`naam` text NOT NULL,
	`scope` text NOT NULL,
	`token_hash` text NOT NULL,
	`laatst_gebruikt_op` text,
	`ingetrokken_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_scope" CHECK(scope IN ('lezen', 'schrijven'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_gebruiker` ON `api_tokens` (`gebruiker_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`gebruiker_id` integer,
	`gebruiker_naam` text NOT NULL,
	`organisatie_id` integer,
	`actie` text NOT NULL,
	`onderwerp` text NOT NULL,
	`onderwerp_id` integer,
	`wijzigingen` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_onderwerp` ON `audit_log` (`onderwerp`,`onderwerp_id`);--> statement-breakpoint
CREATE INDEX `audit_log_organisatie` ON `audit_log` (`organisatie_id`);--> statement-breakpoint
CREATE TABLE `inloggegevens` (
	`gebruiker_id` integer PRIMARY KEY NOT NULL,
	`wachtwoord_hash` text,
	`totp_geheim` text,
	`totp_laatste_stap` integer,
	`herstelcodes` text DEFAULT '[]' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessies` (
	`id` text PRIMARY KEY NOT NULL,
	`gebruiker_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`begonnen_ms` integer NOT NULL,
	`laatst_gezien_ms` integer NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessies_gebruiker` ON `sessies` (`gebruiker_id`);--> statement-breakpoint
CREATE TABLE `uitnodigingen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`gebruiker_id` integer NOT NULL,
	`totp_geheim` text NOT NULL,
	`verloopt_op` text NOT NULL,
	`gebruikt_op` text,
	`aangemaakt_door` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aangemaakt_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uitnodigingen_token_hash_unique` ON `uitnodigingen` (`token_hash`);--> statement-breakpoint
CREATE INDEX `uitnodigingen_gebruiker` ON `uitnodigingen` (`gebruiker_id`);--> statement-breakpoint
ALTER TABLE `contracteerruimtebesluiten` ADD `geregistreerd_door` integer REFERENCES organisaties(id);--> statement-breakpoint
-- The role within the organisation. The old column `rol` stays (SQLite cannot drop a column named in a table CHECK);
-- the CHECK lives here only, so drizzle-kit never rebuilds the table for it.
ALTER TABLE `gebruikers` ADD `organisatie_rol` text DEFAULT 'jurist' NOT NULL CHECK (`organisatie_rol` IN ('beheerder', 'jurist', 'lezer'));--> statement-breakpoint
UPDATE `gebruikers` SET `organisatie_rol` = CASE `rol` WHEN 'beheerder' THEN 'beheerder' ELSE 'jurist' END;--> statement-breakpoint
ALTER TABLE `tariefbeschikkingen` ADD `geregistreerd_door` integer REFERENCES organisaties(id);--> statement-breakpoint
-- The audit log is append-only: no code path, shell or script can change or remove an entry.
CREATE TRIGGER `audit_log_geen_wijziging` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_geen_verwijdering` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
