-- /api/v1/screening/changes?since=<time> finds its starting point in the change feed by time.
CREATE INDEX ix_change_feed_changed_at ON change_feed (changed_at);
