-- Partitions of the term engine (issue: speed at scale): the revision of each (regio, jaar) cell of the engine's input,
-- bumped inside the writing transaction by whoever writes. Row (0, 0) stands for what every cell depends on.
-- Hand-written triggers below; test/db/celRevisie.test.ts checks which writes move which cells.
CREATE TABLE `termijn_cel_revisie` (
	`regio_id` integer NOT NULL,
	`jaar` integer NOT NULL,
	`revisie` integer NOT NULL,
	PRIMARY KEY(`regio_id`, `jaar`)
);
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_cel_i` AFTER INSERT ON `tariefbeschikkingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (NEW.`regio_id`, NEW.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_cel_u` AFTER UPDATE ON `tariefbeschikkingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (OLD.`regio_id`, OLD.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (NEW.`regio_id`, NEW.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_cel_d` AFTER DELETE ON `tariefbeschikkingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (OLD.`regio_id`, OLD.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_cel_i` AFTER INSERT ON `contracteerruimtebedragen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (NEW.`regio_id`, NEW.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_cel_u` AFTER UPDATE ON `contracteerruimtebedragen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (OLD.`regio_id`, OLD.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (NEW.`regio_id`, NEW.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_cel_d` AFTER DELETE ON `contracteerruimtebedragen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (OLD.`regio_id`, OLD.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebesluiten_cel_u` AFTER UPDATE ON `contracteerruimtebesluiten` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) SELECT `regio_id`, `jaar`, 1 FROM `contracteerruimtebedragen` WHERE `besluit_id` = NEW.`id` AND true ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_cel_i` AFTER INSERT ON `zaken` WHEN NEW.`regio_id` IS NOT NULL AND NEW.`jaar` IS NOT NULL BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (NEW.`regio_id`, NEW.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_cel_u` AFTER UPDATE OF `soort`, `organisatie_id`, `zorgaanbieder_id`, `tariefbeschikking_id`, `contracteerruimtebesluit_id`, `regio_id`, `jaar`, `ingesteld`, `afgerond` ON `zaken` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) SELECT `regio_id`, `jaar`, 1 FROM (SELECT OLD.`regio_id` AS `regio_id`, OLD.`jaar` AS `jaar` UNION SELECT NEW.`regio_id`, NEW.`jaar`) WHERE `regio_id` IS NOT NULL AND `jaar` IS NOT NULL ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_cel_d` AFTER DELETE ON `zaken` WHEN OLD.`regio_id` IS NOT NULL AND OLD.`jaar` IS NOT NULL BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (OLD.`regio_id`, OLD.`jaar`, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgaanbieders_cel_u` AFTER UPDATE OF `naam` ON `zorgaanbieders` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgkantoorregios_cel_u` AFTER UPDATE OF `naam`, `code` ON `zorgkantoorregios` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_cel_i` AFTER INSERT ON `vertegenwoordigingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_cel_u` AFTER UPDATE ON `vertegenwoordigingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_cel_d` AFTER DELETE ON `vertegenwoordigingen` BEGIN INSERT INTO `termijn_cel_revisie` (`regio_id`, `jaar`, `revisie`) VALUES (0, 0, 1) ON CONFLICT (`regio_id`, `jaar`) DO UPDATE SET `revisie` = `revisie` + 1; END;
