-- tables: deep pages and cold views (docs/tables-performance.md). lib/server/tables/query.ts pages
-- ids through the sort column's index, then reads the page's rows: each sort index now also holds
-- the row id (ties break by id, so the index order is the whole ORDER BY) and what the lean base
-- condition and the common filters read, so a deep page's ids come from the index alone.
-- pledges_totals_idx also holds amount_status and donor_id (status and donor filters' counts),
-- (programmes_retired_idx, which the lean conditions also read, came with 0011);
-- pledges_programme_idx also covers the programmes table's per-row donor count.
DROP INDEX `pledges_programme_idx`;--> statement-breakpoint
DROP INDEX `pledges_announced_idx`;--> statement-breakpoint
DROP INDEX `pledges_totals_idx`;--> statement-breakpoint
DROP INDEX `pledges_amount_order_idx`;--> statement-breakpoint
CREATE INDEX `pledges_programme_idx` ON `pledges` (`programme_id`,`donor_id`,`stage`,`retired_at`);--> statement-breakpoint
CREATE INDEX `pledges_announced_idx` ON `pledges` (`announced_on`,`id`,`programme_id`,`retired_at`,`stage`,`amount_status`,`donor_id`);--> statement-breakpoint
CREATE INDEX `pledges_totals_idx` ON `pledges` (`currency`,`announced_on`,`period_start`,`amount_minor`,`stage`,`programme_id`,`retired_at`,`amount_status`,`donor_id`) WHERE "pledges"."retired_at" IS NULL;--> statement-breakpoint
-- Expression written by lib/domain/amount-sort-key.ts (drizzle-kit splits an expression at its commas, so this line is hand-fixed).
CREATE INDEX `pledges_amount_order_idx` ON `pledges` ((amount_minor * 1.0 / (CASE WHEN currency IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') THEN 1 WHEN currency IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND') THEN 1000 WHEN currency IN ('CLF','UYW') THEN 10000 ELSE 100 END)),`id`,`programme_id`,`retired_at`);--> statement-breakpoint
DROP INDEX `payments_received_idx`;--> statement-breakpoint
DROP INDEX `payments_amount_order_idx`;--> statement-breakpoint
CREATE INDEX `payments_received_idx` ON `payments` (`received_on`,`id`,`pledge_id`,`retired_at`);--> statement-breakpoint
-- Expression written by lib/domain/amount-sort-key.ts (drizzle-kit splits an expression at its commas, so this line is hand-fixed).
CREATE INDEX `payments_amount_order_idx` ON `payments` ((amount_minor * 1.0 / (CASE WHEN currency IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') THEN 1 WHEN currency IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND') THEN 1000 WHEN currency IN ('CLF','UYW') THEN 10000 ELSE 100 END)),`id`,`pledge_id`,`retired_at`);--> statement-breakpoint
CREATE INDEX `milestones_due_idx` ON `milestones` (`due_on`,`id`,`programme_id`,`retired_at`,`status`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);