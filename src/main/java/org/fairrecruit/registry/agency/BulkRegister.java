package org.fairrecruit.registry.agency;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The register's side of a bulk load: many agencies in a few batched statements. The caller has
 * checked the whole file against the register's rules and audits the load as one entry.
 */
@Singleton
public class BulkRegister {
    private final Sql sql;
    private final ChangeFeed feed;

    BulkRegister(Sql sql, ChangeFeed feed) {
        this.sql = sql;
        this.feed = feed;
    }

    public record NewAgency(String legalName, String registrationNumber, String country, String address, String phone,
                            String email, List<String> tradeNames) {
    }

    private record OwnedName(long agencyId, String name, Agency.NameKind kind) {
    }

    /** Agency ids by registration number (upper case), for those of {@code numbers} that are registered. */
    public Map<String, Long> idsByRegistrationNumber(Collection<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        sql.listIn("SELECT registration_number, id FROM agency WHERE registration_number IN ", numbers,
                rs -> ids.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2)));
        return ids;
    }

    /** Registers them all with their legal and trade names; returns their ids in order. */
    public List<Long> registerAll(List<NewAgency> agencies, Instant at, IntConsumer written) {
        Timestamp now = Timestamp.from(at);
        List<Long> ids = sql.insertAll("INSERT INTO agency (legal_name, registration_number, country, address, phone, "
                + "email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", agencies, (ps, agency) -> {
            ps.setString(1, agency.legalName());
            ps.setString(2, agency.registrationNumber());
            ps.setString(3, agency.country());
            ps.setString(4, agency.address());
            ps.setString(5, agency.phone());
            ps.setString(6, agency.email());
            ps.setTimestamp(7, now);
        }, written);
        List<OwnedName> names = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            long id = ids.get(i);
            names.add(new OwnedName(id, agencies.get(i).legalName(), Agency.NameKind.LEGAL));
            agencies.get(i).tradeNames().forEach(trade -> names.add(new OwnedName(id, trade, Agency.NameKind.TRADE)));
        }
        sql.insertAll("INSERT INTO agency_name (agency_id, name, kind) VALUES (?, ?, ?)", names, (ps, name) -> {
            ps.setLong(1, name.agencyId());
            ps.setString(2, name.name());
            ps.setString(3, name.kind().name());
        }, rows -> { });
        feed.recordAll(EntityKind.AGENCY, ids);
        return ids;
    }
}
