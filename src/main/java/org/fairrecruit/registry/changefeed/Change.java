package org.fairrecruit.registry.changefeed;

import java.time.Instant;

public record Change(long id, EntityKind kind, long entityId, Instant changedAt) {
}
