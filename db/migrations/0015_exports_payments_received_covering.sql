DROP INDEX `payments_received_idx`;--> statement-breakpoint
CREATE INDEX `payments_received_idx` ON `payments` (`received_on`,`id`,`pledge_id`,`retired_at`,`amount_minor`,`currency`,`reference`);