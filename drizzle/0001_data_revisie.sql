CREATE TABLE `data_revisie` (
	`id` integer PRIMARY KEY NOT NULL,
	`revisie` integer NOT NULL,
	CONSTRAINT "data_revisie_een_rij" CHECK("data_revisie"."id" = 1)
);
--> statement-breakpoint
INSERT INTO `data_revisie` (`id`, `revisie`) VALUES (1, 0);
--> statement-breakpoint
-- Every user gets a calendar token up front, so showing the settings page (a GET) never has to create one.
UPDATE `gebruikers` SET `agenda_token` = lower(hex(randomblob(24))) WHERE `agenda_token` IS NULL;
