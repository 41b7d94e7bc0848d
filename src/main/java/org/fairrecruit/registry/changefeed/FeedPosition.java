package org.fairrecruit.registry.changefeed;

import java.time.Instant;

/** A cheap fingerprint of the feed: it changes whenever a change commits. {@code newestAt} is null on an empty feed. */
public record FeedPosition(long lastId, long recentCount, Instant newestAt) {
}
