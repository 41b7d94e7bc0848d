package org.fairrecruit.registry.matching;

import org.fairrecruit.registry.changefeed.EntityKind;

import java.util.List;
import java.util.Optional;

/**
 * A capability whose records can be found by name (agencies, blacklist entries) implements this so
 * the name index can load everything at start-up and reload one record when the change feed says so.
 */
public interface NameSource {
    EntityKind kind();

    /** The matcher id of a record of this kind, e.g. "agency-12". */
    String matcherId(long id);

    List<MatchableEntity> all();

    /** Empty when the record is gone or no longer public. */
    Optional<MatchableEntity> one(long id);
}
