CREATE TABLE `organisatie_sso` (
	`organisatie_id` integer PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_versleuteld` text NOT NULL,
	`client_secret_einde` text NOT NULL,
	`bijgewerkt_op` text NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisaties`(`id`) ON UPDATE no action ON DELETE no action
);
