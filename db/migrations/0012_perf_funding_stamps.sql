-- perf: change stamps for incremental chart caches (docs/performance.md, round 4). After any
-- write data_revision moves on and every cached aggregate is recomputed; the by-donor chart across
-- all programmes then re-reads ≈650,000 (donor, currency, day) groups although a write touches one
-- or two donors. funding_stamps counts changes per donor's roll-up rows ('donor', donor_id) and
-- changes that may affect every donor ('global', 0: exchange rates, and bulk roll-up rebuilds in
-- db/funding-rollup-rebuild.ts, which suspend these triggers), so lib/server/donor-totals.ts
-- recomputes only the donors whose stamp moved since it last read them (everyone when the global
-- stamp moved).
-- Triggers, as for the roll-up itself: they fire for every writer, in the writer's transaction, so
-- a rolled-back write rolls its stamp back too. A stamp only ever increases within committed history
-- (a rolled-back increment never becomes visible), and the cache is only filled from committed data
-- read outside write transactions, so an equal stamp means unchanged rows.
CREATE TABLE `funding_stamps` (
	`scope` text NOT NULL CHECK (`scope` IN ('donor', 'global')),
	`id` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`scope`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_stamp_insert` AFTER INSERT ON `funding_rollup`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('donor', NEW.donor_id, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_stamp_update` AFTER UPDATE ON `funding_rollup`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('donor', OLD.donor_id, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
  INSERT INTO funding_stamps (scope, id, n) VALUES ('donor', NEW.donor_id, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `funding_rollup_stamp_delete` AFTER DELETE ON `funding_rollup`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('donor', OLD.donor_id, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_stamp_insert` AFTER INSERT ON `exchange_rates`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('global', 0, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_stamp_update` AFTER UPDATE ON `exchange_rates`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('global', 0, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_rates_stamp_delete` AFTER DELETE ON `exchange_rates`
BEGIN
  INSERT INTO funding_stamps (scope, id, n) VALUES ('global', 0, 1)
  ON CONFLICT (scope, id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- One donor's roll-up rows, read when its stamp moved (and by the donor portfolio), in the order
-- the per-donor grouping needs. The old (donor_id, measure) index was not covering: every row
-- cost a primary-key lookup for minor and n (≈25,000 groups for the largest synthetic donor:
-- ≈1 s under load). Covering, like funding_rollup_programme_idx (migration 0009):
--   SEARCH funding_rollup USING COVERING INDEX funding_rollup_donor_idx (donor_id=?)
DROP INDEX IF EXISTS `funding_rollup_donor_idx`;--> statement-breakpoint
CREATE INDEX `funding_rollup_donor_idx` ON `funding_rollup` (`donor_id`, `measure`, `currency`, `value_date`, `programme_id`, `minor`, `n`);
