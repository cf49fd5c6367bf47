-- Region management (issue 10, point 7): former names of a region, and rows an NZa beheerder changed (the shipped
-- division no longer overwrites them at start). Names feed cached pages: counted in the data revision.
CREATE TABLE `regio_namen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`regio_id` integer NOT NULL,
	`naam` text NOT NULL,
	`geldig_tot` text NOT NULL,
	FOREIGN KEY (`regio_id`) REFERENCES `zorgkantoorregios`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "regio_namen_tot" CHECK((date(geldig_tot) IS geldig_tot))
);
--> statement-breakpoint
CREATE INDEX `regio_namen_regio` ON `regio_namen` (`regio_id`);--> statement-breakpoint
ALTER TABLE `zorgkantoorregios` ADD `beheerd_sinds` text;--> statement-breakpoint
CREATE TRIGGER `regio_namen_revisie_i` AFTER INSERT ON `regio_namen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `regio_namen_revisie_u` AFTER UPDATE ON `regio_namen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `regio_namen_revisie_d` AFTER DELETE ON `regio_namen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
