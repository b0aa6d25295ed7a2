-- perf (round 5): change stamps for the caches of the first view after a write
-- (docs/performance.md, "Round 5: after a write"). data_revision (0003) moves on every write, so a
-- value memoised by revision is recomputed after ANY write, even one it does not depend on (the
-- overview's milestone timeline after a pledge edit). Two counters, moved by triggers inside the
-- writer's own transaction like the stamps of 0012 (a rolled-back write rolls its bump back;
-- committed stamps only ever increase):
--   write_stamps (name): one counter per kind of change a cached value may depend on:
--     'milestones', 'programmes', 'organisations', 'participants' (programme_participants),
--     'pledge_scope' (pledges inserted, deleted, or updated in the columns a donor's scope reads:
--                    programme_id, donor_id, retired_at; lib/server/access.ts programmeScope),
--     'undisclosed'  (any change of a roll-up row counting undisclosed pledges: every insert,
--                    update or delete of a live undisclosed pledge upserts one).
--   programme_stamps (id): changes of a programme's 'committed' roll-up rows (the gap chart).
-- The funding_rollup triggers carry '_rollup_' in their names, so bulk loads suspend them with the
-- roll-up's own (db/funding-rollup-rebuild.ts), whose rebuild moves the 'global' stamp of 0012:
-- caches that read these stamps also compare the global stamp.
CREATE TABLE `write_stamps` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `programme_stamps` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `milestones_write_stamp_insert` AFTER INSERT ON `milestones`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('milestones', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_write_stamp_update` AFTER UPDATE ON `milestones`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('milestones', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_write_stamp_delete` AFTER DELETE ON `milestones`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('milestones', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_write_stamp_insert` AFTER INSERT ON `programmes`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('programmes', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_write_stamp_update` AFTER UPDATE ON `programmes`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('programmes', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_write_stamp_delete` AFTER DELETE ON `programmes`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('programmes', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_write_stamp_insert` AFTER INSERT ON `organisations`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('organisations', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_write_stamp_update` AFTER UPDATE ON `organisations`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('organisations', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_write_stamp_delete` AFTER DELETE ON `organisations`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('organisations', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_write_stamp_insert` AFTER INSERT ON `programme_participants`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('participants', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_write_stamp_update` AFTER UPDATE ON `programme_participants`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('participants', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_write_stamp_delete` AFTER DELETE ON `programme_participants`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('participants', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_scope_stamp_insert` AFTER INSERT ON `pledges`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('pledge_scope', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_scope_stamp_update` AFTER UPDATE OF `programme_id`, `donor_id`, `retired_at` ON `pledges`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('pledge_scope', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_scope_stamp_delete` AFTER DELETE ON `pledges`
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('pledge_scope', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_undisclosed_stamp_insert` AFTER INSERT ON `funding_rollup` WHEN NEW.measure = 'undisclosed'
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('undisclosed', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_undisclosed_stamp_delete` AFTER DELETE ON `funding_rollup` WHEN OLD.measure = 'undisclosed'
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('undisclosed', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_undisclosed_stamp_update` AFTER UPDATE ON `funding_rollup` WHEN OLD.measure = 'undisclosed' OR NEW.measure = 'undisclosed'
BEGIN
  INSERT INTO write_stamps (name, n) VALUES ('undisclosed', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_programme_stamp_insert` AFTER INSERT ON `funding_rollup` WHEN NEW.measure = 'committed'
BEGIN
  INSERT INTO programme_stamps (id, n) SELECT NEW.programme_id, 1 WHERE NEW.measure = 'committed' ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_programme_stamp_delete` AFTER DELETE ON `funding_rollup` WHEN OLD.measure = 'committed'
BEGIN
  INSERT INTO programme_stamps (id, n) SELECT OLD.programme_id, 1 WHERE OLD.measure = 'committed' ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_programme_stamp_update` AFTER UPDATE ON `funding_rollup` WHEN OLD.measure = 'committed' OR NEW.measure = 'committed'
BEGIN
  INSERT INTO programme_stamps (id, n) SELECT OLD.programme_id, 1 WHERE OLD.measure = 'committed' ON CONFLICT (id) DO UPDATE SET n = n + 1;
  INSERT INTO programme_stamps (id, n) SELECT NEW.programme_id, 1 WHERE NEW.measure = 'committed' ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
