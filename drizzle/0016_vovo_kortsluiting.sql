-- Filings (issue 29.7): a verzoek om voorlopige voorziening may ask the voorzieningenrechter to decide the main case at
-- once (art. 8:86 lid 1 Awb).
ALTER TABLE `zaak_stukgegevens` ADD `kortsluiting` integer DEFAULT false NOT NULL;
