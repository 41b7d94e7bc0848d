package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.AgencyListings;
import org.fairrecruit.registry.licensing.ListedPerson;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
    static final String IN_FORCE = "e.delisted_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= ?)";
    /** The staff blacklist list: newest listing first, or best match first while searching. */
    public static final ListSpec LIST = ListSpec.at("/staff/blacklist").sort("listed", "e.listed_on").sort("name", "e.name")
            .relevanceWhile("q").by("listed", true).tiebreak("e.id").filters("q").build();
    private static final int SEARCH_LIMIT = 200;
    private static final String ENTRY = "SELECT e.* FROM blacklist_entry e WHERE " + IN_FORCE;
    private final Sql sql;
    private final RegistryNameIndex names;
    private final Clock clock;

    Listings(Sql sql, RegistryNameIndex names, Clock clock) {
        this.sql = sql;
        this.names = names;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agencyListed(long agencyId) {
        return sql.count("SELECT COUNT(*) FROM blacklist_entry e WHERE e.agency_id = ? AND " + IN_FORCE, agencyId,
                LocalDate.now(clock)) > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ListedPerson> listed(long entryId) {
        return sql.one("SELECT e.id, e.name, e.birth_year, e.nationality, e.case_reference FROM blacklist_entry e "
                + "WHERE e.id = ? AND " + IN_FORCE, rs -> new ListedPerson(rs.getLong(1), rs.getString(2),
                Sql.nullableInt(rs, "birth_year"), rs.getString(4), rs.getString(5)), entryId, LocalDate.now(clock));
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
        return withAliases(sql.list(ENTRY + " AND (e.name LIKE ? OR EXISTS "
                + "(SELECT 1 FROM blacklist_alias a WHERE a.entry_id = e.id AND a.name LIKE ?)) "
                + "ORDER BY e.listed_on DESC, e.id DESC LIMIT ?", Listings::entry, LocalDate.now(clock), like, like, limit));
    }

    /**
     * Entries in force as the staff list pages them. A search tries the query as an identity
     * document number or a case reference (exact, spacing and case aside), then as a name through
     * the matcher, as the public search does (a misspelt "Bikas Shresta" finds Bikash Shrestha; a
     * listed agency is found by any of its registered names), then as part of a name or alias.
     */
    @Transactional(readOnly = true)
    public ListPage<Entry> list(ListQuery query) {
        LocalDate today = LocalDate.now(clock);
        if (!query.has("q")) {
            long total = sql.count("SELECT COUNT(*) FROM blacklist_entry e WHERE " + IN_FORCE, today);
            return query.page(withAliases(sql.list(ENTRY + query.orderBy() + query.limit(), Listings::entry, today)), total);
        }
        String q = query.filter("q");
        String number = q.replaceAll("[^\\p{Alnum}]", "").toUpperCase(java.util.Locale.ROOT);
        LinkedHashSet<Long> ids = new LinkedHashSet<>(sql.list("SELECT e.id FROM blacklist_entry e WHERE " + IN_FORCE
                + " AND (UPPER(REPLACE(REPLACE(REPLACE(e.id_document, ' ', ''), '-', ''), '/', '')) = ?"
                + " OR UPPER(TRIM(e.case_reference)) = UPPER(?)) ORDER BY e.id DESC", rs -> rs.getLong(1), today, number, q));
        for (Match match : names.search(new MatchQuery(q, null, null), SEARCH_LIMIT)) {
            PublicId.BLACKLIST.parse(match.id()).ifPresent(ids::add);
            PublicId.AGENCY.parse(match.id()).ifPresent(agency -> ids.addAll(sql.list(
                    "SELECT e.id FROM blacklist_entry e WHERE " + IN_FORCE + " AND e.agency_id = ?",
                    rs -> rs.getLong(1), today, agency)));
        }
        inForce(q, SEARCH_LIMIT).forEach(entry -> ids.add(entry.id()));
        Map<Long, Entry> byId = new HashMap<>();
        List<Long> found = List.copyOf(ids);
        for (int from = 0; from < found.size(); from += 500) {
            List<Long> chunk = found.subList(from, Math.min(found.size(), from + 500));
            List<Object> params = new ArrayList<>(List.of(today));
            params.addAll(chunk);
            withAliases(sql.list(ENTRY + " AND e.id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")"
                    + (query.byRelevance() ? "" : query.orderBy()), Listings::entry, params.toArray()))
                    .forEach(entry -> byId.put(entry.id(), entry));
        }
        List<Entry> ranked = found.stream().filter(byId::containsKey).map(byId::get).toList();
        if (!query.byRelevance()) {
            Comparator<Entry> order = query.sort().equals("name") ? Comparator.comparing(Entry::name)
                    : Comparator.comparing(Entry::listedOn);
            ranked = ranked.stream().sorted(query.descending() ? order.reversed() : order).toList();
        }
        return query.pageOf(ranked);
    }

    /** One entry without its aliases: {@link #withAliases} adds them for a whole page in one query. */
    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"),
                rs.getString("subject_type"), rs.getObject("agency_id") == null ? null : rs.getLong("agency_id"),
                rs.getString("name"), List.of(), rs.getString("nationality"),
                Sql.nullableInt(rs, "birth_year"), IdentityDocuments.masked(rs.getString("id_document")),
                rs.getString("reason_category"), rs.getString("legal_basis"), rs.getString("case_reference"),
                Sql.date(rs, "listed_on"), Sql.date(rs, "expires_on"));
    }

    private List<Entry> withAliases(List<Entry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        sql.list("SELECT entry_id, name FROM blacklist_alias WHERE entry_id IN ("
                        + String.join(",", Collections.nCopies(entries.size(), "?")) + ") ORDER BY id",
                rs -> aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)),
                entries.stream().map(Entry::id).toArray());
        return entries.stream().map(e -> new Entry(e.id(), e.subjectType(), e.agencyId(), e.name(),
                List.copyOf(aliases.getOrDefault(e.id(), List.of())), e.nationality(), e.birthYear(), e.idDocumentMasked(),
                e.reasonCategory(), e.legalBasis(), e.caseReference(), e.listedOn(), e.expiresOn())).toList();
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
