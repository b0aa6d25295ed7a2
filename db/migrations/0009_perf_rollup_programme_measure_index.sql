-- One programme's funding (the programme page) reads funding_rollup WHERE measure = ? AND
-- programme_id = ? GROUP BY currency, value_date. With the old (programme_id, donor_id) index
-- SQLite (no ANALYZE statistics) preferred the covering primary key (measure, currency,
-- value_date, …), which yields the GROUP BY order, and walked every row of the measure
-- (≈470,000 for "received": 74–84 ms on the large dataset) instead of the programme's few dozen.
-- A two-column (programme_id, measure) index was still not chosen, since it is not covering.
-- This one is covering and ordered for the grouping:
--   SEARCH r USING COVERING INDEX funding_rollup_programme_idx (programme_id=? AND measure=?)
-- (received 84 ms → 2.7 ms; the rest is the short NOT IN list of retired programmes).
-- donor_id follows value_date, so one programme's by-donor grouping also reads only this index.
DROP INDEX IF EXISTS `funding_rollup_programme_idx`;--> statement-breakpoint
CREATE INDEX `funding_rollup_programme_idx` ON `funding_rollup` (`programme_id`, `measure`, `currency`, `value_date`, `donor_id`, `minor`, `n`);
