package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.LooseKey;
import org.fairrecruit.registry.database.PublicReads;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Licensing's public read model, read through {@link PublicReads}: the licence that speaks for an
 * agency now (its newest, application included) and the public statements of its status changes.
 */
@Singleton
public class PublicLicences {
    /** The agency's licence that the public sees: the current_licence view's (V81). */
    private static final String FROM_CURRENT = " FROM licence l JOIN current_licence c ON c.id = l.id";
    private static final String COLUMNS = "l.agency_id, l.licence_number, l.status, l.valid_from, l.valid_until, l.conditions";

    /**
     * {@code conditionCodes} and {@code activities} are codes (messages licence.condition.*,
     * licence.activity.*), filled by {@link #current(long)} only; {@code conditions} is the officer's free-text remark.
     */
    public record Current(long agencyId, @Nullable String number, String status, @Nullable LocalDate validFrom,
                          @Nullable LocalDate validUntil, @Nullable String conditions, List<String> conditionCodes,
                          List<String> activities) {
    }

    /** A status change's public statement: the coded reason, optional public remarks in their language. Never the internal note. */
    public record Change(@Nullable String fromStatus, String toStatus, @Nullable String reasonKey, @Nullable String remarks,
                         @Nullable String remarksLang, @Nullable String legalBasis, Instant occurredAt) {
    }

    /** The agency holding a licence number, and the number as issued. */
    public record Holder(long agencyId, String licenceNumber) {
    }

    private final PublicReads reads;

    PublicLicences(PublicReads reads) {
        this.reads = reads;
    }

    public Optional<Current> current(long agencyId) {
        return reads.one("SELECT " + COLUMNS + ", "
                + "(SELECT GROUP_CONCAT(code ORDER BY code) FROM licence_condition WHERE licence_id = l.id), "
                + "(SELECT GROUP_CONCAT(activity ORDER BY activity) FROM licence_activity WHERE licence_id = l.id) "
                + FROM_CURRENT + " WHERE l.agency_id = ?", rs -> current(rs, split(rs.getString(7)),
                split(rs.getString(8))), agencyId);
    }

    /** The current licence of each of these agencies that has one (without condition codes and activities). */
    public Map<Long, Current> currentOf(Collection<Long> agencyIds) {
        Map<Long, Current> current = new HashMap<>();
        if (!agencyIds.isEmpty()) {
            reads.list("SELECT " + COLUMNS + FROM_CURRENT + " WHERE l.agency_id IN ("
                    + PublicReads.marks(agencyIds.size()) + ")", rs -> current.put(rs.getLong(1), current(rs, List.of(), List.of())), agencyIds.toArray());
        }
        return current;
    }

    /** Every status change of every licence of the agency, newest first. */
    public List<Change> history(long agencyId) {
        return reads.list("SELECT s.from_status, s.to_status, s.reason_key, s.public_remarks, s.remarks_lang, "
                + "s.legal_basis, s.occurred_at FROM licence_status_change s JOIN licence l ON l.id = s.licence_id "
                + "WHERE l.agency_id = ? ORDER BY s.occurred_at DESC, s.id DESC", rs -> new Change(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant()), agencyId);
    }

    /**
     * Whose licence number this is (the newest licence with it, if renumbered). Case, separators, and
     * O/0 and I/1 do not matter: "ra 2O24/OOO1" finds RA-2024-0001.
     */
    public Optional<Holder> holder(String licenceNumber) {
        return LooseKey.of(licenceNumber).flatMap(key -> reads.one("SELECT agency_id, licence_number FROM licence "
                + "WHERE licence_loose_key = ? ORDER BY id DESC LIMIT 1", rs -> new Holder(rs.getLong(1), rs.getString(2)), key));
    }

    private static Current current(ResultSet rs, List<String> codes, List<String> activities) throws SQLException {
        return new Current(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.date(rs, "valid_from"),
                Sql.date(rs, "valid_until"), rs.getString(6), codes, activities);
    }

    private static List<String> split(@Nullable String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }
}
