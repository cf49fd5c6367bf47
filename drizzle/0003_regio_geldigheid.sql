ALTER TABLE `zorgkantoorregios` ADD `zorgkantoor_geverifieerd` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `zorgkantoorregios` ADD `geldig_vanaf` text;--> statement-breakpoint
ALTER TABLE `zorgkantoorregios` ADD `geldig_tot` text;--> statement-breakpoint
ALTER TABLE `zorgkantoorregios` ADD `opgevolgd_door` text;
--> statement-breakpoint
-- Hand-added (reviewed): databases made before the CBS division was checked carry codes 01..31 and three names that
-- are not current CBS regions. Move each row to its CBS code by name, so decisions keep their region; the seed then
-- fills in names, uitvoerders and validity from seed/zorgkantoorregios.json.
UPDATE `zorgkantoorregios` SET `code` = 'ZK09', `naam` = 'Groningen' WHERE `code` = '01' AND `naam` = 'Groningen';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK08', `naam` = 'Friesland' WHERE `code` = '02' AND `naam` = 'Friesland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK06', `naam` = 'Drenthe' WHERE `code` = '03' AND `naam` = 'Drenthe';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK32', `naam` = 'Zwolle' WHERE `code` = '04' AND `naam` = 'Zwolle';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK22', `naam` = 'Twente' WHERE `code` = '05' AND `naam` = 'Twente';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK03', `naam` = 'Apeldoorn/Zutphen' WHERE `code` = '06' AND `naam` = 'Apeldoorn/Zutphen e.o.';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK04', `naam` = 'Arnhem' WHERE `code` = '07' AND `naam` = 'Arnhem';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK16', `naam` = 'Nijmegen' WHERE `code` = '08' AND `naam` = 'Nijmegen';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK23', `naam` = 'Utrecht' WHERE `code` = '09' AND `naam` = 'Utrecht';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK07', `naam` = 'Flevoland' WHERE `code` = '10' AND `naam` = 'Flevoland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK21', `naam` = '''t Gooi' WHERE `code` = '11' AND `naam` = '''t Gooi';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK18', `naam` = 'Noord-Holland Noord' WHERE `code` = '12' AND `naam` = 'Noord-Holland Noord';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK11', `naam` = 'Kennemerland' WHERE `code` = '13' AND `naam` = 'Kennemerland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK26', `naam` = 'Zaanstreek/Waterland' WHERE `code` = '14' AND `naam` = 'Zaanstreek/Waterland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK02', `naam` = 'Amsterdam' WHERE `code` = '15' AND `naam` = 'Amsterdam';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK28', `naam` = 'Zuid-Holland Noord' WHERE `code` = '16' AND `naam` = 'Zuid-Holland Noord';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK10', `naam` = 'Haaglanden' WHERE `code` = '17' AND `naam` = 'Haaglanden';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK05', `naam` = 'Delft/Westland/Oostland' WHERE `code` = '18' AND `naam` = 'Delft Westland Oostland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK13', `naam` = 'Midden-Holland' WHERE `code` = '19' AND `naam` = 'Midden-Holland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK20', `naam` = 'Rotterdam' WHERE `code` = '20' AND `naam` = 'Rotterdam';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK15', `naam` = 'Nieuwe Waterweg Noord' WHERE `code` = '21' AND `naam` = 'Nieuwe Waterweg Noord';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK29', `naam` = 'Zuid-Hollandse Eilanden' WHERE `code` = '22' AND `naam` = 'Zuid-Hollandse Eilanden';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK24', `naam` = 'Waardenland' WHERE `code` = '23' AND `naam` = 'Waardenland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK27', `naam` = 'Zeeland' WHERE `code` = '24' AND `naam` = 'Zeeland';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK25', `naam` = 'West-Brabant' WHERE `code` = '25' AND `naam` = 'West-Brabant';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK12', `naam` = 'Midden-Brabant' WHERE `code` = '26' AND `naam` = 'Midden-Brabant';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK19', `naam` = 'Noordoost-Brabant' WHERE `code` = '27' AND `naam` = 'Noordoost-Brabant';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK30', `naam` = 'Zuidoost-Brabant' WHERE `code` = '28' AND `naam` = 'Zuidoost-Brabant';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK17', `naam` = 'Noord- en Midden-Limburg' WHERE `code` = '29' AND `naam` = 'Noord- en Midden-Limburg';--> statement-breakpoint
UPDATE `zorgkantoorregios` SET `code` = 'ZK31', `naam` = 'Zuid-Limburg' WHERE `code` = '30' AND `naam` = 'Zuid-Limburg';--> statement-breakpoint
-- 'Amersfoort' is no CBS zorgkantoorregio (the municipality lies in Utrecht): kept for decisions that name it, marked ended.
UPDATE `zorgkantoorregios` SET `code` = 'GEEN-CBS-31', `geldig_tot` = '1993-12-31' WHERE `code` = '31' AND `naam` = 'Amersfoort';
