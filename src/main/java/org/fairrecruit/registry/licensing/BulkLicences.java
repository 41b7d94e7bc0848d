package org.fairrecruit.registry.licensing;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Licensing's side of a bulk load: the licence history of agencies the register has no licence for
 * yet, each licence with its first status-history entry, in a few batched statements. The caller has
 * checked the whole file against the licensing rules; later moves go through {@link Licensing}.
 */
@Singleton
public class BulkLicences {
    private final Sql sql;
    private final ChangeFeed feed;

    BulkLicences(Sql sql, ChangeFeed feed) {
        this.sql = sql;
        this.feed = feed;
    }

    public record HistoricLicence(long agencyId, String licenceNumber, LicenceStatus status, LocalDate validFrom,
                                  LocalDate validUntil, String conditions) {
    }

    /** Who brought the history in, why, under which four-eyes proposal, and when. */
    public record Provenance(String actor, String reason, long proposalId, Timestamp at) {
    }

    /** Those of {@code numbers} any licence ever had (upper case): numbers are never reused. */
    public Set<String> usedNumbers(Collection<String> numbers) {
        return new HashSet<>(sql.listIn("SELECT licence_number FROM licence WHERE licence_number IN ", numbers,
                rs -> rs.getString(1).toUpperCase(Locale.ROOT)));
    }

    /** Those of the agencies that already have a licence or an application. */
    public Set<Long> agenciesWithLicences(Collection<Long> agencyIds) {
        return new HashSet<>(sql.listIn("SELECT DISTINCT agency_id FROM licence WHERE agency_id IN ", agencyIds,
                rs -> rs.getLong(1)));
    }

    /** Records them all; returns the licence ids in order. */
    public List<Long> recordAll(List<HistoricLicence> licences, Provenance provenance, IntConsumer written) {
        List<Long> ids = sql.insertAll("INSERT INTO licence (agency_id, licence_number, status, valid_from, valid_until, "
                + "conditions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", licences, (ps, licence) -> {
            ps.setLong(1, licence.agencyId());
            ps.setString(2, licence.licenceNumber());
            ps.setString(3, licence.status().name());
            ps.setObject(4, licence.validFrom());
            ps.setObject(5, licence.validUntil());
            ps.setString(6, licence.conditions());
            ps.setTimestamp(7, provenance.at());
        }, written);
        record First(long licenceId, LicenceStatus status) {
        }
        List<First> firsts = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            firsts.add(new First(ids.get(i), licences.get(i).status()));
        }
        sql.insertAll("INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, actor, proposal_id, "
                + "occurred_at) VALUES (?, NULL, ?, ?, ?, ?, ?)", firsts, (ps, first) -> {
            ps.setLong(1, first.licenceId());
            ps.setString(2, first.status().name());
            ps.setString(3, provenance.reason());
            ps.setString(4, provenance.actor());
            ps.setLong(5, provenance.proposalId());
            ps.setTimestamp(6, provenance.at());
        }, rows -> { });
        feed.recordAll(EntityKind.AGENCY, new LinkedHashSet<>(licences.stream().map(HistoricLicence::agencyId).toList()));
        return ids;
    }
}
