-- tables: the first view after a write (docs/performance.md, round 5: tables). A table page's count
-- and totals group the matching rows by (currency, value dates) (lib/server/tables/totals.ts); at
-- 200,000 pledges and 500,000 payments reading every group again after each write cost
-- 0.3–1 s. A write to a pledge or payment changes at most the groups of its old and new keys, so
-- this log names them, and the next view re-reads only those groups (an index seek each) and
-- keeps the others. Writes to the tables the views' conditions read (programmes, organisations,
-- participants) are logged without keys: a view they may affect is read in full again.
-- Written by triggers, in the writer's transaction (a rolled-back write leaves no entry); only
-- the latest 1,000 entries are kept, and a view whose last read is older reads in full.
-- AUTOINCREMENT: a sequence number is never reused, even if the log is emptied, so a kept view's
-- number can never be mistaken for a later state.
CREATE TABLE `aggregate_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT,
	`tbl` text NOT NULL,
	`k1` text,
	`k2` text,
	`k3` text
);
--> statement-breakpoint
CREATE TRIGGER `pledges_aggregate_changes_insert` AFTER INSERT ON `pledges`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2, k3) VALUES ('pledges', NEW.currency, NEW.announced_on, NEW.period_start);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_aggregate_changes_update` AFTER UPDATE ON `pledges`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2, k3) VALUES ('pledges', OLD.currency, OLD.announced_on, OLD.period_start);
  INSERT INTO aggregate_changes (tbl, k1, k2, k3) VALUES ('pledges', NEW.currency, NEW.announced_on, NEW.period_start);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_aggregate_changes_delete` AFTER DELETE ON `pledges`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2, k3) VALUES ('pledges', OLD.currency, OLD.announced_on, OLD.period_start);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
-- A pledge's payments read only its id, donor, programme and retirement (payments' conditions and
-- lean form): a change of one of those is logged as 'pledge_links', which payments views read in
-- full after; other pledge writes (amounts, stages, dates, notes) leave payments' groups alone.
-- A new pledge has no payments yet; a deleted one's payments log their own changes.
CREATE TRIGGER `pledges_aggregate_changes_links` AFTER UPDATE OF `id`, `donor_id`, `programme_id`, `retired_at` ON `pledges`
WHEN OLD.id IS NOT NEW.id OR OLD.donor_id IS NOT NEW.donor_id OR OLD.programme_id IS NOT NEW.programme_id OR OLD.retired_at IS NOT NEW.retired_at
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('pledge_links');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_aggregate_changes_insert` AFTER INSERT ON `payments`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2) VALUES ('payments', NEW.currency, NEW.received_on);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_aggregate_changes_update` AFTER UPDATE ON `payments`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2) VALUES ('payments', OLD.currency, OLD.received_on);
  INSERT INTO aggregate_changes (tbl, k1, k2) VALUES ('payments', NEW.currency, NEW.received_on);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_aggregate_changes_delete` AFTER DELETE ON `payments`
BEGIN
  INSERT INTO aggregate_changes (tbl, k1, k2) VALUES ('payments', OLD.currency, OLD.received_on);
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_aggregate_changes_insert` AFTER INSERT ON `programmes`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programmes');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_aggregate_changes_update` AFTER UPDATE ON `programmes`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programmes');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programmes_aggregate_changes_delete` AFTER DELETE ON `programmes`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programmes');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_aggregate_changes_insert` AFTER INSERT ON `organisations`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('organisations');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_aggregate_changes_update` AFTER UPDATE ON `organisations`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('organisations');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_aggregate_changes_delete` AFTER DELETE ON `organisations`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('organisations');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_aggregate_changes_insert` AFTER INSERT ON `programme_participants`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programme_participants');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_aggregate_changes_update` AFTER UPDATE ON `programme_participants`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programme_participants');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
--> statement-breakpoint
CREATE TRIGGER `programme_participants_aggregate_changes_delete` AFTER DELETE ON `programme_participants`
BEGIN
  INSERT INTO aggregate_changes (tbl) VALUES ('programme_participants');
  DELETE FROM aggregate_changes WHERE seq <= (SELECT max(seq) FROM aggregate_changes) - 1000;
END;
