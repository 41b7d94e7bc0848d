package org.fairrecruit.registry.sanction;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.PublicReads;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sanction's public read model, read through {@link PublicReads}: listings in force on a day with
 * their aliases (public fields only, never the identity document), and an agency's sanctions.
 */
@Singleton
public class PublicSanctions {
    private static final String LISTING = "SELECT e.id, e.subject_type, e.name, e.nationality, e.birth_year, "
            + "e.reason_category, e.legal_basis, e.listed_on, e.expires_on, e.agency_id FROM blacklist_entry e WHERE "
            + Listings.IN_FORCE;

    public record Listing(long id, String subjectType, String name, List<String> aliases, @Nullable String nationality,
                          @Nullable Integer birthYear, String reasonCategory, String legalBasis, LocalDate listedOn,
                          @Nullable LocalDate expiresOn, @Nullable Long agencyId) {
    }

    /** kind: WARNING, FINE, SUSPENSION, REVOCATION. */
    public record Decided(String kind, LocalDate decidedOn, String legalBasis) {
    }

    private final PublicReads reads;

    PublicSanctions(PublicReads reads) {
        this.reads = reads;
    }

    /** Listings in force of these registered agencies. */
    public List<Listing> ofAgencies(Collection<Long> agencyIds, LocalDate day) {
        return agencyIds.isEmpty() ? List.of()
                : listings(" AND e.agency_id IN (" + PublicReads.marks(agencyIds.size()) + ") ORDER BY e.id", day, agencyIds);
    }

    /** Those of these entries that are in force, in id order. */
    public List<Listing> inForce(Collection<Long> ids, LocalDate day) {
        return ids.isEmpty() ? List.of()
                : listings(" AND e.id IN (" + PublicReads.marks(ids.size()) + ") ORDER BY e.id", day, ids);
    }

    /** Every listing in force, newest first, a page of them. */
    public List<Listing> newest(int limit, int offset, LocalDate day) {
        return listings(" ORDER BY e.listed_on DESC, e.id DESC LIMIT ? OFFSET ?", day, List.of(limit, offset));
    }

    /** Those of these agencies with a listing in force. */
    public Set<Long> listedAmong(Collection<Long> agencyIds, LocalDate day) {
        Set<Long> listed = new HashSet<>();
        if (!agencyIds.isEmpty()) {
            reads.list("SELECT DISTINCT e.agency_id FROM blacklist_entry e WHERE " + Listings.IN_FORCE + " AND e.agency_id IN ("
                    + PublicReads.marks(agencyIds.size()) + ")", rs -> listed.add(rs.getLong(1)), params(day, agencyIds));
        }
        return listed;
    }

    /** The agency's sanctions, newest first. */
    public List<Decided> sanctionsOf(long agencyId) {
        return reads.list("SELECT kind, imposed_on, legal_basis FROM sanction WHERE agency_id = ? "
                + "ORDER BY imposed_on DESC, id DESC", rs -> new Decided(rs.getString(1), Sql.date(rs, "imposed_on"),
                rs.getString(3)), agencyId);
    }

    /** Two queries whatever the number: the entries, then all their aliases. */
    private List<Listing> listings(String tail, LocalDate day, Collection<?> params) {
        Map<Long, List<String>> aliases = new LinkedHashMap<>();
        List<Listing> listings = reads.list(LISTING + tail, rs -> listing(rs, aliases), params(day, params));
        if (!listings.isEmpty()) {
            reads.list("SELECT entry_id, name FROM blacklist_alias WHERE entry_id IN (" + PublicReads.marks(aliases.size())
                    + ") ORDER BY id", rs -> aliases.get(rs.getLong(1)).add(rs.getString(2)), aliases.keySet().toArray());
        }
        return listings;
    }

    private static Listing listing(ResultSet rs, Map<Long, List<String>> aliases) throws SQLException {
        List<String> names = aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>());
        return new Listing(rs.getLong(1), rs.getString(2), rs.getString(3), names, rs.getString(4),
                Sql.nullableInt(rs, "birth_year"), rs.getString(6), rs.getString(7), Sql.date(rs, "listed_on"),
                Sql.date(rs, "expires_on"), rs.getObject(10, Long.class));
    }

    private static Object[] params(LocalDate day, Collection<?> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(day);
        all.addAll(rest);
        return all.toArray();
    }
}
