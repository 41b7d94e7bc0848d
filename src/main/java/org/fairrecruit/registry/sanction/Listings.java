package org.fairrecruit.registry.sanction;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Whether a registered agency or a blacklist entry is on the blacklist now (listed, not delisted, not expired). */
@Singleton
public class Listings {
    static final String IN_FORCE = "delisted_on IS NULL AND (expires_on IS NULL OR expires_on >= ?)";
    private final Sql sql;
    private final Clock clock;

    Listings(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean agencyListed(long agencyId) {
        return sql.count("SELECT COUNT(*) FROM blacklist_entry WHERE agency_id = ? AND " + IN_FORCE, agencyId,
                LocalDate.now(clock)) > 0;
    }

    /** The listed name of an entry in force, if it is. */
    @Transactional(readOnly = true)
    public Optional<String> listedName(long entryId) {
        return sql.one("SELECT name FROM blacklist_entry WHERE id = ? AND " + IN_FORCE, rs -> rs.getString(1), entryId,
                LocalDate.now(clock));
    }
}
