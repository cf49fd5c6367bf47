-- Issue 32.3: webhooks of an organisation, their delivery ledger (claimed under the `webhooks` lease in verzend_lease),
-- and what the webhooks last saw of the organisation's clients' terms (per cell, so a write compares only the cells it
-- changed). Bookkeeping: no data_revisie triggers (listed in test/db/revisie.test.ts); a delivery goes with its webhook.
CREATE TABLE `webhook_leveringen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` integer NOT NULL,
	`organisatie_id` integer NOT NULL,
	`gebeurtenis` text NOT NULL,
	`sleutel` text NOT NULL,
	`bericht_id` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'wachtend' NOT NULL,
	`mogelijk_dubbel` integer DEFAULT false NOT NULL,
	`pogingen` integer DEFAULT 0 NOT NULL,
	`volgende_poging` integer DEFAULT 0 NOT NULL,
	`geclaimd_door` text,
	`geclaimd_op` integer,
	`http_status` integer,
	`fout` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`afgeleverd_op` text,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "webhook_leveringen_status" CHECK(status IN ('wachtend', 'bezig', 'afgeleverd', 'onzeker', 'mislukt')),
	CONSTRAINT "webhook_leveringen_gebeurtenis" CHECK(gebeurtenis IN ('termijn.nieuw', 'termijn.gewijzigd', 'termijn.vervallen', 'termijn.verloopt', 'zaak.gewijzigd'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_leveringen_bericht_id_unique` ON `webhook_leveringen` (`bericht_id`);--> statement-breakpoint
CREATE INDEX `webhook_leveringen_te_versturen` ON `webhook_leveringen` (`status`,`volgende_poging`);--> statement-breakpoint
CREATE INDEX `webhook_leveringen_organisatie` ON `webhook_leveringen` (`organisatie_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_leveringen_uniek` ON `webhook_leveringen` (`webhook_id`,`sleutel`);--> statement-breakpoint
CREATE TABLE `webhook_revisie` (
	`organisatie_id` integer PRIMARY KEY NOT NULL,
	`data_revisie` integer NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_termijn_stand` (
	`organisatie_id` integer NOT NULL,
	`sleutel` text NOT NULL,
	`regio` text NOT NULL,
	`jaar` integer NOT NULL,
	`einde` text NOT NULL,
	`gegevens` text NOT NULL,
	PRIMARY KEY(`organisatie_id`, `sleutel`),
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_termijn_stand_cel` ON `webhook_termijn_stand` (`organisatie_id`,`regio`,`jaar`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`url` text NOT NULL,
	`gebeurtenissen` text NOT NULL,
	`geheim_versleuteld` text NOT NULL,
	`aangemaakt_door` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`zaak_audit_tot` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aangemaakt_door`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhooks_organisatie` ON `webhooks` (`organisatie_id`);