-- perf: a data revision counter for caching read-side aggregates with correct invalidation.
-- Every committed INSERT/UPDATE/DELETE on a table that funding figures, charts or programme
-- pages read bumps data_revision.n (triggers fire for every writer: the app, scripts, the
-- sqlite3 shell). lib/server/revision-cache.ts keys its cache on (connection, n, query key), so
-- a cached aggregate is served only while no such row has changed since it was computed.
-- A rolled-back write never becomes visible, so its bump is rolled back with it.
CREATE TABLE `data_revision` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_revision` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `organisations_revision_insert` AFTER INSERT ON `organisations`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_revision_update` AFTER UPDATE ON `organisations`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_revision_delete` AFTER DELETE ON `organisations`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_revision_insert` AFTER INSERT ON `programmes`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_revision_update` AFTER UPDATE ON `programmes`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_revision_delete` AFTER DELETE ON `programmes`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_revision_insert` AFTER INSERT ON `programme_participants`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_revision_update` AFTER UPDATE ON `programme_participants`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_revision_delete` AFTER DELETE ON `programme_participants`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_revision_insert` AFTER INSERT ON `pledges`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_revision_update` AFTER UPDATE ON `pledges`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_revision_delete` AFTER DELETE ON `pledges`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_revision_insert` AFTER INSERT ON `payments`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_revision_update` AFTER UPDATE ON `payments`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_revision_delete` AFTER DELETE ON `payments`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_revision_insert` AFTER INSERT ON `exchange_rates`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_revision_update` AFTER UPDATE ON `exchange_rates`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_revision_delete` AFTER DELETE ON `exchange_rates`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_revision_insert` AFTER INSERT ON `milestones`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_revision_update` AFTER UPDATE ON `milestones`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_revision_delete` AFTER DELETE ON `milestones`
BEGIN
  UPDATE `data_revision` SET `n` = `n` + 1 WHERE `id` = 1;
END;
