-- perf: funding roll-ups maintained by triggers, so the dashboard, the charts and the donor
-- portfolios read pre-aggregated sums instead of scanning 200,000 pledges and 500,000 payments
-- (docs/performance.md, "Roll-ups"). One row per (measure, currency, value date, donor,
-- programme) holds the SUM of the disclosed amounts and the COUNT of rows that fall in it:
--   pledged     live pledges (not retired, not cancelled), disclosed; value date
--               coalesce(announced_on, period_start)
--   committed   the same, stage = 'committed'; value date coalesce(committed_on, announced_on, period_start)
--   received    live payments of live pledges (cancelled pledges' money still counts as received,
--               as lib/server/funding.ts always did); value date received_on
--   undisclosed live pledges whose amount is not disclosed: counted (n), never added (minor = 0)
-- A missing value date is stored as '' (primary-key columns cannot be NULL) and read back as NULL.
-- Programme retirement is NOT folded in: readers exclude retired programmes by id (a short list),
-- so retiring a programme costs nothing here and un-retiring needs no rebuild.
--
-- Why triggers (not DAL code in writeTransaction): they fire for every writer (the app, the
-- synthetic seeder, scripts, restores, the sqlite3 shell), inside the writer's own transaction, so
-- a rolled-back write rolls its roll-up change back with it and no code path can forget it. The
-- equality with a direct scan is proven by lib/server/funding-rollup.test.ts after random writes.
--
-- Key order (measure, currency, value_date, donor_id, programme_id): the overview's groups
-- (currency, value date) and the by-donor groups stream in primary-key order; the two secondary
-- indexes serve one programme's page and one donor's portfolio.
CREATE TABLE `funding_rollup` (
	`measure` text NOT NULL CHECK (`measure` IN ('pledged', 'committed', 'received', 'undisclosed')),
	`currency` text NOT NULL,
	`value_date` text NOT NULL,
	`donor_id` integer NOT NULL,
	`programme_id` integer NOT NULL,
	`minor` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`measure`, `currency`, `value_date`, `donor_id`, `programme_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `funding_rollup_programme_idx` ON `funding_rollup` (`programme_id`, `donor_id`);
--> statement-breakpoint
CREATE INDEX `funding_rollup_donor_idx` ON `funding_rollup` (`donor_id`, `measure`);
--> statement-breakpoint
-- Backfill from the rows already there (one pass per measure).
INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
SELECT 'pledged', currency, coalesce(announced_on, period_start, ''), donor_id, programme_id, sum(amount_minor), count(*)
FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status <> 'undisclosed'
GROUP BY 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
SELECT 'committed', currency, coalesce(committed_on, announced_on, period_start, ''), donor_id, programme_id, sum(amount_minor), count(*)
FROM pledges WHERE retired_at IS NULL AND stage = 'committed' AND amount_status <> 'undisclosed'
GROUP BY 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
SELECT 'undisclosed', '', coalesce(announced_on, period_start, ''), donor_id, programme_id, 0, count(*)
FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status = 'undisclosed'
GROUP BY 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
SELECT 'received', pm.currency, pm.received_on, p.donor_id, p.programme_id, sum(pm.amount_minor), count(*)
FROM payments pm JOIN pledges p ON p.id = pm.pledge_id
WHERE pm.retired_at IS NULL AND p.retired_at IS NULL
GROUP BY 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `pledges_rollup_insert` AFTER INSERT ON `pledges`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'pledged', NEW.currency, coalesce(NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, NEW.amount_minor, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage <> 'cancelled' AND NEW.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'committed', NEW.currency, coalesce(NEW.committed_on, NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, NEW.amount_minor, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage = 'committed' AND NEW.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'undisclosed', '', coalesce(NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, 0, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage <> 'cancelled' AND NEW.amount_status = 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_rollup_update` AFTER UPDATE ON `pledges`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'pledged', OLD.currency, coalesce(OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, -OLD.amount_minor, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage <> 'cancelled' AND OLD.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'committed', OLD.currency, coalesce(OLD.committed_on, OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, -OLD.amount_minor, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage = 'committed' AND OLD.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'undisclosed', '', coalesce(OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, 0, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage <> 'cancelled' AND OLD.amount_status = 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'pledged', NEW.currency, coalesce(NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, NEW.amount_minor, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage <> 'cancelled' AND NEW.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'committed', NEW.currency, coalesce(NEW.committed_on, NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, NEW.amount_minor, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage = 'committed' AND NEW.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'undisclosed', '', coalesce(NEW.announced_on, NEW.period_start, ''), NEW.donor_id, NEW.programme_id, 0, 1
  WHERE NEW.retired_at IS NULL AND NEW.stage <> 'cancelled' AND NEW.amount_status = 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  DELETE FROM funding_rollup WHERE programme_id = OLD.programme_id AND donor_id = OLD.donor_id AND n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_rollup_move_payments` AFTER UPDATE OF `programme_id`, `donor_id`, `retired_at` ON `pledges`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', pm.currency, pm.received_on, OLD.donor_id, OLD.programme_id, -sum(pm.amount_minor), -count(*)
  FROM payments pm WHERE pm.pledge_id = OLD.id AND pm.retired_at IS NULL AND OLD.retired_at IS NULL
  GROUP BY pm.currency, pm.received_on
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', pm.currency, pm.received_on, NEW.donor_id, NEW.programme_id, sum(pm.amount_minor), count(*)
  FROM payments pm WHERE pm.pledge_id = NEW.id AND pm.retired_at IS NULL AND NEW.retired_at IS NULL
  GROUP BY pm.currency, pm.received_on
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  DELETE FROM funding_rollup WHERE programme_id = OLD.programme_id AND donor_id = OLD.donor_id AND n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `pledges_rollup_delete` AFTER DELETE ON `pledges`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'pledged', OLD.currency, coalesce(OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, -OLD.amount_minor, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage <> 'cancelled' AND OLD.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'committed', OLD.currency, coalesce(OLD.committed_on, OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, -OLD.amount_minor, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage = 'committed' AND OLD.amount_status <> 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'undisclosed', '', coalesce(OLD.announced_on, OLD.period_start, ''), OLD.donor_id, OLD.programme_id, 0, -1
  WHERE OLD.retired_at IS NULL AND OLD.stage <> 'cancelled' AND OLD.amount_status = 'undisclosed'
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', pm.currency, pm.received_on, OLD.donor_id, OLD.programme_id, -sum(pm.amount_minor), -count(*)
  FROM payments pm WHERE pm.pledge_id = OLD.id AND pm.retired_at IS NULL AND OLD.retired_at IS NULL
  GROUP BY pm.currency, pm.received_on
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  DELETE FROM funding_rollup WHERE programme_id = OLD.programme_id AND donor_id = OLD.donor_id AND n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_rollup_insert` AFTER INSERT ON `payments`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', NEW.currency, NEW.received_on, p.donor_id, p.programme_id, NEW.amount_minor, 1
  FROM pledges p WHERE p.id = NEW.pledge_id AND p.retired_at IS NULL AND NEW.retired_at IS NULL
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_rollup_update` AFTER UPDATE ON `payments`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', OLD.currency, OLD.received_on, p.donor_id, p.programme_id, -OLD.amount_minor, -1
  FROM pledges p WHERE p.id = OLD.pledge_id AND p.retired_at IS NULL AND OLD.retired_at IS NULL
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', NEW.currency, NEW.received_on, p.donor_id, p.programme_id, NEW.amount_minor, 1
  FROM pledges p WHERE p.id = NEW.pledge_id AND p.retired_at IS NULL AND NEW.retired_at IS NULL
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  DELETE FROM funding_rollup WHERE n = 0 AND (programme_id, donor_id) IN (SELECT p.programme_id, p.donor_id FROM pledges p WHERE p.id = OLD.pledge_id);
END;
--> statement-breakpoint
CREATE TRIGGER `payments_rollup_delete` AFTER DELETE ON `payments`
BEGIN
  INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
  SELECT 'received', OLD.currency, OLD.received_on, p.donor_id, p.programme_id, -OLD.amount_minor, -1
  FROM pledges p WHERE p.id = OLD.pledge_id AND p.retired_at IS NULL AND OLD.retired_at IS NULL
  ON CONFLICT (measure, currency, value_date, donor_id, programme_id) DO UPDATE SET minor = minor + excluded.minor, n = n + excluded.n;
  DELETE FROM funding_rollup WHERE n = 0 AND (programme_id, donor_id) IN (SELECT p.programme_id, p.donor_id FROM pledges p WHERE p.id = OLD.pledge_id);
END;
