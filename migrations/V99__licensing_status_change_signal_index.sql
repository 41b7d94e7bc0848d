-- The risk ranking on the dashboard counts suspensions and refusals of the look-back period per agency
-- (licensing.LicensingSignals): without an index on the status moved to, each of the two scanned all
-- 220,017 status changes of the scale set (about 120 ms each); with it each reads its own few thousand
-- (34 and 16 ms). Status changes are rare writes, so the index costs little.
ALTER TABLE licence_status_change
    ADD INDEX ix_status_change_to_status (to_status, occurred_at, licence_id);
