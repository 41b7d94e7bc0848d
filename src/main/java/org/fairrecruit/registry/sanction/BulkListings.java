package org.fairrecruit.registry.sanction;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The blacklist's side of a bulk load: many listings with their aliases in a few batched statements.
 * The caller has checked the whole file (duplicates by {@link #key}) and revokes listed agencies'
 * licences through licensing, as a listing decided on its own does.
 */
@Singleton
public class BulkListings {
    private final Sql sql;
    private final ChangeFeed feed;

    BulkListings(Sql sql, ChangeFeed feed) {
        this.sql = sql;
        this.feed = feed;
    }

    public record HistoricListing(String subjectType, Long agencyId, String name, List<String> aliases,
                                  String nationality, Integer birthYear, String idDocument, String reasonCategory,
                                  String legalBasis, String caseReference, LocalDate listedOn, LocalDate expiresOn) {
    }

    private record Alias(long entryId, String name) {
    }

    /** A listing is the same listing when the subject type and name (ignoring case) were listed on the same day. */
    public static String key(String subjectType, String name, LocalDate listedOn) {
        return subjectType + "|" + name.toLowerCase(Locale.ROOT) + "|" + listedOn;
    }

    /** The {@link #key}s of listings whose name is one of {@code names}. */
    public Set<String> listingKeys(Collection<String> names) {
        return new HashSet<>(sql.listIn("SELECT subject_type, name, listed_on FROM blacklist_entry WHERE name IN ", names,
                rs -> key(rs.getString(1), rs.getString(2), Sql.date(rs, "listed_on"))));
    }

    /** Lists them all with their aliases; returns the entry ids in order. */
    public List<Long> listAll(List<HistoricListing> listings, Timestamp at, IntConsumer written) {
        List<Long> ids = sql.insertAll("INSERT INTO blacklist_entry (subject_type, agency_id, name, nationality, "
                + "birth_year, id_document, reason_category, legal_basis, case_reference, listed_on, expires_on, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", listings, (ps, listing) -> {
            ps.setString(1, listing.subjectType());
            ps.setObject(2, listing.agencyId());
            ps.setString(3, listing.name());
            ps.setString(4, listing.nationality());
            ps.setObject(5, listing.birthYear());
            ps.setString(6, listing.idDocument());
            ps.setString(7, listing.reasonCategory());
            ps.setString(8, listing.legalBasis());
            ps.setString(9, listing.caseReference());
            ps.setObject(10, listing.listedOn());
            ps.setObject(11, listing.expiresOn());
            ps.setTimestamp(12, at);
        }, written);
        List<Alias> aliases = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            long id = ids.get(i);
            listings.get(i).aliases().forEach(alias -> aliases.add(new Alias(id, alias)));
        }
        sql.insertAll("INSERT INTO blacklist_alias (entry_id, name) VALUES (?, ?)", aliases, (ps, alias) -> {
            ps.setLong(1, alias.entryId());
            ps.setString(2, alias.name());
        }, rows -> { });
        feed.recordAll(EntityKind.BLACKLIST_ENTRY, ids);
        return ids;
    }
}
