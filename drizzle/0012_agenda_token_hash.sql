-- Issue 28.6: the calendar feed's token is stored as its SHA-256 only, so a copy of the database yields no working feed
-- URL. Reviewed by hand: one added column and its unique index; no table is rebuilt. The old column `agenda_token`
-- stays (SQLite cannot drop a UNIQUE column); the connection set-up (hashAgendaTokens in src/db/geheimOpslag.ts, run
-- by openDatabase after the migrations) hashes every token left in it into `agenda_token_hash` and empties it: SQLite
-- has no SHA-256, and a feed URL already subscribed to keeps working.
ALTER TABLE `gebruikers` ADD `agenda_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `gebruikers_agenda_token_hash_unique` ON `gebruikers` (`agenda_token_hash`);
