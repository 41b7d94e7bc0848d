package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.kernel.PublicId;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which agencies and listings changed since a point (an ISO time, or the cursor a previous answer
 * gave), so an employer re-screens only those. Each entity appears once per page, with its latest
 * change; {@code cursor} continues from where the page ended.
 */
@Singleton
class ScreeningChanges {
    static final int MAX_SIZE = 1_000;
    private final ChangeFeed feed;

    ScreeningChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record Changed(String id, String kind, Instant changedAt, String url) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record Page(List<Changed> changes, String cursor, boolean more) {
    }

    Page since(@Nullable String since, @Nullable Integer size) {
        int limit = size == null ? MAX_SIZE : size;
        new InvalidInput.Collector()
                .require(since != null && !since.isBlank(), "since", "screening.since.required")
                .require(limit >= 1 && limit <= MAX_SIZE, "size", "screening.size.invalid", MAX_SIZE)
                .throwIfAny();
        long after = position(since.strip());
        List<Change> changes = feed.after(after, limit);
        Map<String, Changed> distinct = new LinkedHashMap<>();
        for (Change change : changes) {
            boolean agency = change.kind() == EntityKind.AGENCY;
            String id = (agency ? PublicId.AGENCY : PublicId.BLACKLIST).of(change.entityId());
            distinct.remove(id);
            distinct.put(id, new Changed(id, agency ? "AGENCY" : "LISTING", change.changedAt(), agency
                    ? "/agencies/" + change.entityId() : "/blacklist#entry-" + change.entityId()));
        }
        long last = changes.isEmpty() ? after : changes.get(changes.size() - 1).id();
        return new Page(List.copyOf(distinct.values()), "c" + last, changes.size() == limit);
    }

    private long position(String since) {
        if (since.matches("c\\d{1,18}")) {
            return Long.parseLong(since.substring(1));
        }
        try {
            return feed.positionAt(OffsetDateTime.parse(since).toInstant());
        } catch (DateTimeParseException notATime) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("since", "screening.since.invalid")));
        }
    }
}
