package org.fairrecruit.registry.sanction;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The public blacklist: listings in force on a day (not delisted, not expired before it). */
@Singleton
public class PublishedBlacklist {
    private static final int CHUNK = 500;
    private final JdbcOperations jdbc;

    PublishedBlacklist(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<PublicListing> inForceOn(LocalDate day) {
        Map<Long, List<String>> aliases = aliases(day);
        return jdbc.prepareStatement("""
                SELECT e.id, e.subject_type, e.agency_id, a.registration_number, e.name, e.nationality, e.birth_year,
                       e.id_document, e.reason_category, e.legal_basis, e.listed_on, e.expires_on
                FROM blacklist_entry e LEFT JOIN agency a ON a.id = e.agency_id
                WHERE\s""" + Listings.IN_FORCE + " ORDER BY e.id", ps -> {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                List<PublicListing> listings = new ArrayList<>();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    listings.add(new PublicListing(id, rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                            rs.getString(5), aliases.getOrDefault(id, List.of()), rs.getString(6),
                            rs.getObject(7, Integer.class), IdentityDocuments.masked(rs.getString(8)), rs.getString(9),
                            rs.getString(10), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class)));
                }
                return listings;
            }
        });
    }

    /** Those of {@code agencyIds} listed on the day: a blacklisted agency cannot hold an active licence. */
    @Transactional(readOnly = true)
    public Set<Long> listedAgencies(Collection<Long> agencyIds, LocalDate day) {
        List<Long> ids = List.copyOf(agencyIds);
        Set<Long> listed = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.prepareStatement("SELECT DISTINCT e.agency_id FROM blacklist_entry e WHERE " + Listings.IN_FORCE
                    + " AND e.agency_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", ps -> {
                ps.setObject(1, day);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        listed.add(rs.getLong(1));
                    }
                }
                return null;
            });
        }
        return listed;
    }

    private Map<Long, List<String>> aliases(LocalDate day) {
        return jdbc.prepareStatement("SELECT al.entry_id, al.name FROM blacklist_alias al "
                + "JOIN blacklist_entry e ON e.id = al.entry_id WHERE " + Listings.IN_FORCE + " ORDER BY al.id", ps -> {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, List<String>> aliases = new LinkedHashMap<>();
                while (rs.next()) {
                    aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                }
                return aliases;
            }
        });
    }
}
