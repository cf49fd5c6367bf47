-- Reminders that survive change (issue 12.4) and reach a person for every open term (issue 14.2): the sender lease
-- (one process sends), the term a ledger row is about (case or not), who claimed it, "gezien", and the organisation's
-- default and backup responsible persons. Only added columns and a table: no rebuild, no data dropped. The ledger
-- and the lease are not counted in the data revision (test/db/revisie.test.ts NIET_GETELD); organisaties already is.
CREATE TABLE `verzend_lease` (
	`naam` text PRIMARY KEY NOT NULL,
	`eigenaar` text NOT NULL,
	`verloopt_op` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `herinneringen` ADD `termijn` text;--> statement-breakpoint
ALTER TABLE `herinneringen` ADD `organisatie_id` integer REFERENCES organisaties(id);--> statement-breakpoint
ALTER TABLE `herinneringen` ADD `geclaimd_door` text;--> statement-breakpoint
ALTER TABLE `herinneringen` ADD `opnieuw_gevraagd` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `herinneringen` ADD `gezien_op` text;--> statement-breakpoint
CREATE INDEX `herinneringen_termijn` ON `herinneringen` (`termijn`,`einde`);--> statement-breakpoint
ALTER TABLE `organisaties` ADD `standaard_verantwoordelijke_id` integer REFERENCES gebruikers(id);--> statement-breakpoint
ALTER TABLE `organisaties` ADD `reserve_verantwoordelijke_id` integer REFERENCES gebruikers(id);--> statement-breakpoint
UPDATE `herinneringen` SET `termijn` = 'z' || `zaak_id` WHERE `zaak_id` IS NOT NULL;
