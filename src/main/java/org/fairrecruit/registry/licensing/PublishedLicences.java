package org.fairrecruit.registry.licensing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyDirectory;
import org.fairrecruit.registry.database.Sql;

import java.util.List;
import java.util.Map;

/**
 * The public licence register: every licence that was ever issued a number, whatever its status
 * now. Applications still PENDING or REFUSED have no number and are not published.
 */
@Singleton
public class PublishedLicences {
    private final Sql sql;
    private final AgencyDirectory agencies;

    PublishedLicences(Sql sql, AgencyDirectory agencies) {
        this.sql = sql;
        this.agencies = agencies;
    }

    @Transactional(readOnly = true)
    public List<PublicLicence> all() {
        Map<Long, List<String>> tradeNames = agencies.tradeNames();
        return sql.list("""
                SELECT l.id, l.licence_number, l.status, l.valid_from, l.valid_until, l.conditions,
                       a.id, a.legal_name, a.registration_number, a.country, a.address
                FROM licence l JOIN agency_listing a ON a.id = l.agency_id
                WHERE l.licence_number IS NOT NULL ORDER BY l.id""", rs -> {
            long agencyId = rs.getLong(7);
            return new PublicLicence(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.date(rs, "valid_from"),
                    Sql.date(rs, "valid_until"), rs.getString(6), agencyId, rs.getString(8),
                    tradeNames.getOrDefault(agencyId, List.of()), rs.getString(9), rs.getString(10), rs.getString(11));
        });
    }
}
