package org.fairrecruit.registry.matching;

import org.fairrecruit.registry.changefeed.EntityKind;

import java.util.Optional;
import java.util.SortedMap;

/**
 * A capability whose records can be found by name (agencies, blacklist entries) implements this so
 * the name index can load everything at start-up and reload one record when the change feed says so.
 */
public interface NameSource {
    EntityKind kind();

    /** The matcher id of a record of this kind, e.g. "agency-12". */
    String matcherId(long id);

    /**
     * The records with ids above {@code afterId}, at most {@code limit} of them, by id; fewer only on the
     * last page. The index loads a source page by page, so a million rows are never on the heap at once.
     */
    SortedMap<Long, MatchableEntity> page(long afterId, int limit);

    /** Empty when the record is gone or no longer public. */
    Optional<MatchableEntity> one(long id);
}
