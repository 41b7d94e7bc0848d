package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.Money;
import org.fairrecruit.registry.sanction.Listings;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.database.LooseKey;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The portal's read model: read-only queries over the register, through {@link PublicReads}, so
 * they may run on a read replica. Only public fields leave here: no complainants, no
 * unsubstantiated complaints, no identity-document numbers.
 */
@Singleton
class PortalQueries {
    /** The agency's newest licence (or application) is the one the public sees. */
    private static final String CURRENT_LICENCE = "l.id = (SELECT MAX(l2.id) FROM licence l2 WHERE l2.agency_id = a.id)";
    /** Whether agency {@code a} has a listing in force (the parameter: today). */
    private static final String LISTED = "EXISTS (SELECT 1 FROM blacklist_entry e WHERE e.agency_id = a.id AND "
            + Listings.IN_FORCE + ")";
    private static final String LISTING_COLUMNS = "e.id, e.subject_type, e.name, e.nationality, e.birth_year, "
            + "e.reason_category, e.legal_basis, e.listed_on, e.expires_on, e.agency_id";

    /** What a search result or certificate needs to know about an agency. */
    record AgencyCard(long id, String legalName, @Nullable String licenceNumber, @Nullable String licenceStatus,
                      @Nullable LocalDate validUntil, boolean blacklisted) {
        Standing standing(LocalDate today) {
            return Standing.of(licenceStatus, validUntil, blacklisted, today);
        }
    }

    /** The agency a licence or registration number belongs to, and the number as registered. */
    record NumberHit(long agencyId, String number, PortalSearch.FoundBy foundBy) {
    }

    private final PublicReads reads;

    PortalQueries(PublicReads reads) {
        this.reads = reads;
    }

    Optional<AgencyProfile> agency(long id, LocalDate today) {
        return reads.read(c -> profile(c, id, today));
    }

    /** A licence lookup's answer: the holder's current licence (its newest if renumbered) and its verdict. */
    record LicenceHolder(AgencyCard card, @Nullable LocalDate validFrom, @Nullable String conditions) {
    }

    /** The agency holding this licence, with its current licence and whether it is listed: one query. */
    Optional<LicenceHolder> licenceHolder(String licenceNumber, LocalDate today) {
        Optional<String> key = LooseKey.of(licenceNumber);
        return key.isEmpty() ? Optional.empty() : reads.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.legal_name, l.licence_number, l.status, "
                    + "l.valid_until, " + LISTED + ", l.valid_from, l.conditions FROM licence k "
                    + "JOIN agency a ON a.id = k.agency_id LEFT JOIN licence l ON l.agency_id = a.id AND " + CURRENT_LICENCE
                    + " WHERE k.licence_loose_key = ? ORDER BY k.id DESC LIMIT 1")) {
                ps.setDate(1, Date.valueOf(today));
                ps.setString(2, key.get());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new LicenceHolder(card(rs), localDate(rs, 7), rs.getString(8)))
                            : Optional.empty();
                }
            }
        });
    }

    /** One round trip for the agency row, its current licence and its complaint count; one per list after. */
    private static Optional<AgencyProfile> profile(Connection c, long id, LocalDate today) throws SQLException {
        record Basics(String legalName, String registrationNumber, String country, String address,
                      AgencyProfile.Contact contact, List<String> destinations, AgencyProfile.Licence licence,
                      long substantiated) {
        }
        Basics basics = one(c, "SELECT a.legal_name, a.registration_number, a.country, a.address, "
                + "l.licence_number, l.status, l.valid_from, l.valid_until, l.conditions, "
                + "(SELECT COUNT(*) FROM complaint WHERE agency_id = a.id AND outcome = 'SUBSTANTIATED'), "
                + "a.phone, a.email, a.website, "
                + "(SELECT GROUP_CONCAT(country ORDER BY country) FROM agency_destination WHERE agency_id = a.id), "
                + "(SELECT GROUP_CONCAT(code ORDER BY code) FROM licence_condition WHERE licence_id = l.id), "
                + "(SELECT GROUP_CONCAT(activity ORDER BY activity) FROM licence_activity WHERE licence_id = l.id) "
                + "FROM agency a LEFT JOIN licence l ON l.agency_id = a.id AND " + CURRENT_LICENCE
                + " WHERE a.id = ?", id, rs -> new Basics(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), new AgencyProfile.Contact(rs.getString(11), rs.getString(12), rs.getString(13)),
                split(rs.getString(14)), rs.getString(6) == null ? null : new AgencyProfile.Licence(rs.getString(5),
                rs.getString(6), localDate(rs, 7), localDate(rs, 8), rs.getString(9), split(rs.getString(15)),
                split(rs.getString(16))), rs.getLong(10)));
        if (basics == null) {
            return Optional.empty();
        }
        List<AgencyProfile.Name> names = list(c, "SELECT name, kind FROM agency_name WHERE agency_id = ? "
                + "ORDER BY FIELD(kind, 'LEGAL', 'TRADE', 'NATIVE', 'ALIAS', 'FORMER'), id", id,
                rs -> new AgencyProfile.Name(rs.getString(1), rs.getString(2)));
        // Never s.reason: that is the decider's internal note.
        List<AgencyProfile.StatusChange> history = list(c, "SELECT s.from_status, s.to_status, s.reason_key, "
                + "s.public_remarks, s.remarks_lang, s.legal_basis, s.occurred_at FROM licence_status_change s "
                + "JOIN licence l ON l.id = s.licence_id "
                + "WHERE l.agency_id = ? ORDER BY s.occurred_at DESC, s.id DESC", id,
                rs -> new AgencyProfile.StatusChange(rs.getString(1), rs.getString(2), null, rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
        List<AgencyProfile.Branch> branches = list(c, "SELECT name, address, country, phone FROM agency_branch "
                + "WHERE agency_id = ? AND closed_on IS NULL ORDER BY id", id,
                rs -> new AgencyProfile.Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<AgencyProfile.Sanction> sanctions = list(c, "SELECT kind, imposed_on, legal_basis FROM sanction "
                + "WHERE agency_id = ? ORDER BY imposed_on DESC, id DESC", id,
                rs -> new AgencyProfile.Sanction(rs.getString(1), localDate(rs, 2), rs.getString(3)));
        List<AgencyProfile.Listing> listings = listings(c, "e.agency_id = ?", ps -> ps.setLong(2, id), today);
        // Per currency, never summed across currencies.
        List<AgencyProfile.FeeTotal> fees = list(c, "SELECT currency, SUM(prohibited_amount) FROM fee_record "
                + "WHERE agency_id = ? AND " + FeeRecords.PROVEN_PROHIBITED + " GROUP BY currency ORDER BY currency", id,
                rs -> new AgencyProfile.FeeTotal(rs.getString(1), Money.round(rs.getBigDecimal(2), rs.getString(1))));
        AgencyProfile.Licence licence = basics.licence();
        // Same rule as an AgencyCard's: blacklisted while it has a current listing.
        Standing standing = Standing.of(licence == null ? null : licence.status(),
                licence == null ? null : licence.validUntil(), !listings.isEmpty(), today);
        return Optional.of(new AgencyProfile(id, basics.legalName(), names, basics.registrationNumber(),
                basics.country(), basics.address(), basics.contact(), basics.destinations(), licence, history, branches, sanctions, listings,
                basics.substantiated(), fees, standing));
    }

    Map<Long, AgencyCard> agencyCards(Collection<Long> ids, LocalDate today) {
        return ids.isEmpty() ? Map.of() : reads.read(c -> cards(c, ids, today));
    }

    /** Current blacklist entries by id (expired and delisted ones are left out). */
    Map<Long, AgencyProfile.Listing> listings(Collection<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return reads.read(c -> listings(c, "e.id IN (" + in + ")", ps -> { }, today).stream()
                .collect(Collectors.toMap(AgencyProfile.Listing::id, l -> l, (a, b) -> a, LinkedHashMap::new)));
    }

    /** Current blacklist entries of these registered agencies. */
    List<AgencyProfile.Listing> listingsOfAgencies(Collection<Long> agencyIds, LocalDate today) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        String in = agencyIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return reads.read(c -> listings(c, "e.agency_id IN (" + in + ")", ps -> { }, today));
    }

    /** Every current blacklist entry, newest listing first. */
    List<AgencyProfile.Listing> currentListings(Paging paging, LocalDate today) {
        return reads.read(c -> listings(c, "1 = 1 ORDER BY e.listed_on DESC, e.id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setInt(2, paging.size());
            ps.setInt(3, paging.offset());
        }, today));
    }

    /**
     * The agency whose licence number (first) or registration number this is. Case, separators, and
     * O/0 and I/1 do not matter: "ra 2O24/OOO1" finds RA-2024-0001.
     */
    Optional<NumberHit> agencyByNumber(String number) {
        return LooseKey.of(number).flatMap(key -> reads.read(c -> Optional.ofNullable(oneBoundTwice(c,
                "(SELECT agency_id, licence_number, 'LICENCE_NUMBER' FROM licence WHERE licence_loose_key = ? "
                        + "ORDER BY id DESC LIMIT 1) UNION ALL (SELECT id, registration_number, 'REGISTRATION_NUMBER' "
                        + "FROM agency WHERE registration_loose_key = ? LIMIT 1)", key,
                rs -> new NumberHit(rs.getLong(1), rs.getString(2), PortalSearch.FoundBy.valueOf(rs.getString(3)))))));
    }

    private static List<String> split(@Nullable String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    private static Map<Long, AgencyCard> cards(Connection c, Collection<Long> ids, LocalDate today) throws SQLException {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String sql = "SELECT a.id, a.legal_name, l.licence_number, l.status, l.valid_until, " + LISTED
                + " FROM agency a LEFT JOIN licence l ON l.agency_id = a.id AND " + CURRENT_LICENCE
                + " WHERE a.id IN (" + in + ")";
        Map<Long, AgencyCard> cards = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.put(rs.getLong(1), card(rs));
                }
            }
        }
        return cards;
    }

    /** Columns 1 to 6 of {@link #LISTED} queries: agency id, legal name, current licence number, status, validity, listed. */
    private static AgencyCard card(ResultSet rs) throws SQLException {
        return new AgencyCard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), localDate(rs, 5),
                rs.getBoolean(6));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Current listings matching {@code where} (parameters from 2 on; 1 is today), each with its aliases. */
    private static List<AgencyProfile.Listing> listings(Connection c, String where, Binder binder, LocalDate today)
            throws SQLException {
        Map<Long, List<String>> aliases = new LinkedHashMap<>();
        List<AgencyProfile.Listing> listings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + LISTING_COLUMNS + " FROM blacklist_entry e WHERE "
                + Listings.IN_FORCE + " AND " + where)) {
            ps.setDate(1, Date.valueOf(today));
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> names = aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    listings.add(new AgencyProfile.Listing(rs.getLong(1), rs.getString(2), rs.getString(3), names,
                            rs.getString(4), rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7),
                            localDate(rs, 8), localDate(rs, 9), rs.getObject(10, Long.class)));
                }
            }
        }
        if (listings.isEmpty()) {
            return listings;
        }
        String in = aliases.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, name FROM blacklist_alias WHERE entry_id IN ("
                + in + ") ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                aliases.get(rs.getLong(1)).add(rs.getString(2));
            }
        }
        return listings;
    }

    private static <T> List<T> list(Connection c, String sql, Object param, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.read(rs));
                }
                return result;
            }
        }
    }

    @Nullable
    private static <T> T one(Connection c, String sql, Object param, Row<T> row) throws SQLException {
        List<T> result = list(c, sql, param, row);
        return result.isEmpty() ? null : result.get(0);
    }

    /** The first row of a query that takes the same parameter twice. */
    @Nullable
    private static <T> T oneBoundTwice(Connection c, String sql, String param, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            ps.setString(2, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        }
    }

    @Nullable
    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
