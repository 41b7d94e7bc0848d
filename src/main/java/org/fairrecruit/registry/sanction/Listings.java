package org.fairrecruit.registry.sanction;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.AgencyListings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether a registered agency or a blacklist entry is on the blacklist now (listed, not delisted, not expired). */
@Singleton
public class Listings implements AgencyListings {
    /**
     * The one rule for a listing in force on a day (the parameter): not delisted, not expired before it.
     * For queries on {@code blacklist_entry e}.
     */
    public static final String IN_FORCE = "e.delisted_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= ?)";
    private final Sql sql;
    private final Clock clock;

    Listings(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agencyListed(long agencyId) {
        return sql.count("SELECT COUNT(*) FROM blacklist_entry e WHERE e.agency_id = ? AND " + IN_FORCE, agencyId,
                LocalDate.now(clock)) > 0;
    }

    /** An entry in force as staff see it (identity documents masked all the same: few need them whole). */
    @Serdeable
    public record Entry(long id, String subjectType, Long agencyId, String name, List<String> aliases,
                        String nationality, Integer birthYear, String idDocumentMasked, String reasonCategory,
                        String legalBasis, String caseReference, LocalDate listedOn, LocalDate expiresOn) {
    }

    /** Entries in force, newest listing first, optionally only those whose name or alias contains {@code q}. */
    @Transactional(readOnly = true)
    public List<Entry> inForce(String q, int limit) {
        String like = "%" + (q == null ? "" : q.strip()) + "%";
        return sql.list("SELECT e.* FROM blacklist_entry e WHERE " + IN_FORCE + " AND (e.name LIKE ? OR EXISTS "
                + "(SELECT 1 FROM blacklist_alias a WHERE a.entry_id = e.id AND a.name LIKE ?)) "
                + "ORDER BY e.listed_on DESC, e.id DESC LIMIT ?", rs -> new Entry(rs.getLong("id"),
                rs.getString("subject_type"), rs.getObject("agency_id") == null ? null : rs.getLong("agency_id"),
                rs.getString("name"), sql.list("SELECT name FROM blacklist_alias WHERE entry_id = ? ORDER BY id",
                        a -> a.getString(1), rs.getLong("id")), rs.getString("nationality"),
                Sql.nullableInt(rs, "birth_year"), IdentityDocuments.masked(rs.getString("id_document")),
                rs.getString("reason_category"), rs.getString("legal_basis"), rs.getString("case_reference"),
                Sql.date(rs, "listed_on"), Sql.date(rs, "expires_on")), LocalDate.now(clock), like, like, limit);
    }

    /** The listed names of those entries that are in force, by id (one query per 500 ids). */
    @Transactional(readOnly = true)
    public Map<Long, String> listedNames(Collection<Long> entryIds) {
        List<Long> ids = List.copyOf(entryIds);
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = LocalDate.now(clock);
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            sql.list("SELECT e.id, e.name FROM blacklist_entry e WHERE " + IN_FORCE + " AND e.id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> names.put(rs.getLong(1), rs.getString(2)), params);
        }
        return names;
    }

    /** The listed name of an entry in force, if it is. */
    @Transactional(readOnly = true)
    public Optional<String> listedName(long entryId) {
        return sql.one("SELECT e.name FROM blacklist_entry e WHERE e.id = ? AND " + IN_FORCE, rs -> rs.getString(1), entryId,
                LocalDate.now(clock));
    }
}
