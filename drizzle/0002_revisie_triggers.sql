-- The data revision follows every change to data that pages and caches are computed from, inside the writing
-- transaction, whoever writes (this server, a second one on the same file, an import, the sqlite3 shell).
-- Not counted: the reminder ledger (herinneringen) and the outbox (uitgaande_mail), bookkeeping no cached view reads;
-- counting them let the reminder job flush the term cache on every run. test/db/revisie.test.ts checks the list.
CREATE TRIGGER `organisaties_revisie_i` AFTER INSERT ON `organisaties` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisaties_revisie_u` AFTER UPDATE ON `organisaties` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisaties_revisie_d` AFTER DELETE ON `organisaties` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gebruikers_revisie_i` AFTER INSERT ON `gebruikers` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gebruikers_revisie_u` AFTER UPDATE ON `gebruikers` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gebruikers_revisie_d` AFTER DELETE ON `gebruikers` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgkantoorregios_revisie_i` AFTER INSERT ON `zorgkantoorregios` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgkantoorregios_revisie_u` AFTER UPDATE ON `zorgkantoorregios` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgkantoorregios_revisie_d` AFTER DELETE ON `zorgkantoorregios` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgaanbieders_revisie_i` AFTER INSERT ON `zorgaanbieders` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgaanbieders_revisie_u` AFTER UPDATE ON `zorgaanbieders` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zorgaanbieders_revisie_d` AFTER DELETE ON `zorgaanbieders` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_revisie_i` AFTER INSERT ON `vertegenwoordigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_revisie_u` AFTER UPDATE ON `vertegenwoordigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `vertegenwoordigingen_revisie_d` AFTER DELETE ON `vertegenwoordigingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebesluiten_revisie_i` AFTER INSERT ON `contracteerruimtebesluiten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebesluiten_revisie_u` AFTER UPDATE ON `contracteerruimtebesluiten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebesluiten_revisie_d` AFTER DELETE ON `contracteerruimtebesluiten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_revisie_i` AFTER INSERT ON `contracteerruimtebedragen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_revisie_u` AFTER UPDATE ON `contracteerruimtebedragen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `contracteerruimtebedragen_revisie_d` AFTER DELETE ON `contracteerruimtebedragen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_revisie_i` AFTER INSERT ON `tariefbeschikkingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_revisie_u` AFTER UPDATE ON `tariefbeschikkingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tariefbeschikkingen_revisie_d` AFTER DELETE ON `tariefbeschikkingen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_revisie_i` AFTER INSERT ON `zaken` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_revisie_u` AFTER UPDATE ON `zaken` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaken_revisie_d` AFTER DELETE ON `zaken` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakgebeurtenissen_revisie_i` AFTER INSERT ON `zaakgebeurtenissen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakgebeurtenissen_revisie_u` AFTER UPDATE ON `zaakgebeurtenissen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakgebeurtenissen_revisie_d` AFTER DELETE ON `zaakgebeurtenissen` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_i` AFTER INSERT ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_u` AFTER UPDATE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `zaakdocumenten_revisie_d` AFTER DELETE ON `zaakdocumenten` BEGIN UPDATE `data_revisie` SET `revisie` = `revisie` + 1 WHERE `id` = 1; END;
