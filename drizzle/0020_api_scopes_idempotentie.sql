-- Issue 32.5: a token holds scopes per area (space-separated): `lezen`, `besluiten.schrijven`, `zaken.schrijven`,
-- `webhooks.beheren`. Existing tokens keep exactly what they could do: `lezen` reads; `schrijven` reads, registers
-- decisions and clients, and opens and changes cases. No existing token gains `webhooks.beheren` (it did not exist).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gebruiker_id` integer NOT NULL,
	`naam` text NOT NULL,
	`scopes` text NOT NULL,
	`token_hash` text NOT NULL,
	`laatst_gebruikt_op` text,
	`ingetrokken_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruikers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_scopes" CHECK(scopes <> '')
);
--> statement-breakpoint
INSERT INTO `__new_api_tokens`("id", "gebruiker_id", "naam", "scopes", "token_hash", "laatst_gebruikt_op", "ingetrokken_op", "aangemaakt_op")
SELECT "id", "gebruiker_id", "naam", CASE "scope" WHEN 'lezen' THEN 'lezen' ELSE 'lezen besluiten.schrijven zaken.schrijven' END, "token_hash", "laatst_gebruikt_op", "ingetrokken_op", "aangemaakt_op" FROM `api_tokens`;--> statement-breakpoint
DROP TABLE `api_tokens`;--> statement-breakpoint
ALTER TABLE `__new_api_tokens` RENAME TO `api_tokens`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_gebruiker` ON `api_tokens` (`gebruiker_id`);--> statement-breakpoint
-- Issue 32.2: the first answer to a POST with an Idempotency-Key, per token (bookkeeping: no data_revisie triggers).
CREATE TABLE `api_idempotentie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_id` integer NOT NULL,
	`sleutel` text NOT NULL,
	`verzoek_hash` text NOT NULL,
	`status` integer,
	`antwoord` text,
	`content_type` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_idempotentie_aangemaakt` ON `api_idempotentie` (`aangemaakt_op`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_idempotentie_token_sleutel` ON `api_idempotentie` (`token_id`,`sleutel`);
