package org.fairrecruit.registry.sanction;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The public blacklist: listings in force on a day (not delisted, not expired before it). */
@Singleton
public class PublishedBlacklist {
    private final Sql sql;

    PublishedBlacklist(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public List<PublicListing> inForceOn(LocalDate day) {
        Map<Long, List<String>> aliases = aliases(day);
        return sql.list("""
                SELECT e.id, e.subject_type, e.agency_id, a.registration_number, e.name, e.nationality, e.birth_year,
                       e.id_document, e.reason_category, e.legal_basis, e.listed_on, e.expires_on
                FROM blacklist_entry e LEFT JOIN agency_listing a ON a.id = e.agency_id
                WHERE\s""" + Listings.IN_FORCE + " ORDER BY e.id", rs -> {
            long id = rs.getLong(1);
            return new PublicListing(id, rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                    rs.getString(5), aliases.getOrDefault(id, List.of()), rs.getString(6),
                    Sql.nullableInt(rs, "birth_year"), IdentityDocuments.masked(rs.getString(8)), rs.getString(9),
                    rs.getString(10), Sql.date(rs, "listed_on"), Sql.date(rs, "expires_on"));
        }, day);
    }

    /** Those of {@code agencyIds} listed on the day: a blacklisted agency cannot hold an active licence. */
    @Transactional(readOnly = true)
    public Set<Long> listedAgencies(Collection<Long> agencyIds, LocalDate day) {
        return new HashSet<>(sql.listIn("SELECT DISTINCT e.agency_id FROM blacklist_entry e WHERE " + Listings.IN_FORCE
                + " AND e.agency_id IN ", agencyIds, rs -> rs.getLong(1), day));
    }

    private Map<Long, List<String>> aliases(LocalDate day) {
        Map<Long, List<String>> aliases = new LinkedHashMap<>();
        sql.list("SELECT al.entry_id, al.name FROM blacklist_alias al JOIN blacklist_entry e ON e.id = al.entry_id WHERE "
                + Listings.IN_FORCE + " ORDER BY al.id",
                rs -> aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)), day);
        return aliases;
    }
}
