package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.database.LooseKey;
import org.fairrecruit.registry.database.Sql;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Public facts about agencies in bulk, for screening: legal name, registered country and the
 * licence that speaks for each now (its newest). Case and punctuation of a licence number do not
 * matter: "ra 2024/0001" finds RA-2024-0001.
 */
@Singleton
public class AgencyStandings {
    private final Sql sql;
    private final AgencyRegister agencies;

    AgencyStandings(Sql sql, AgencyRegister agencies) {
        this.sql = sql;
        this.agencies = agencies;
    }

    public record Standing(long agencyId, String legalName, @Nullable String country, @Nullable String licenceNumber,
                           @Nullable LicenceStatus licenceStatus, @Nullable LocalDate validFrom,
                           @Nullable LocalDate validUntil) {
    }

    @Transactional(readOnly = true)
    public Map<Long, Standing> of(Collection<Long> agencyIds) {
        Map<Long, AgencyRegister.Registration> registered = agencies.registrations(agencyIds);
        Map<Long, Standing> standings = new HashMap<>();
        registered.values().forEach(a -> standings.put(a.id(), new Standing(a.id(), a.legalName(), a.country(), null, null,
                null, null)));
        sql.listIn("SELECT agency_id, licence_number, status, valid_from, valid_until FROM current_licence WHERE agency_id IN ",
                        registered.keySet(), rs -> new Held(rs.getLong(1), rs.getString(2),
                                LicenceStatus.valueOf(rs.getString(3)), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_until")))
                .forEach(held -> standings.computeIfPresent(held.agencyId(), (id, a) -> new Standing(id, a.legalName(),
                        a.country(), held.number(), held.status(), held.validFrom(), held.validUntil())));
        return standings;
    }

    private record Held(long agencyId, String number, LicenceStatus status, LocalDate validFrom, LocalDate validUntil) {
    }

    /** The agency that holds (or held) this licence number. */
    @Transactional(readOnly = true)
    public Optional<Long> agencyOfLicence(String licenceNumber) {
        return LooseKey.of(licenceNumber).flatMap(key -> sql.one(
                "SELECT agency_id FROM licence WHERE licence_loose_key = ? ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1), key));
    }

    /** The form licence numbers are compared in: {@link LooseKey}, as the stored keys are. */
    public static String key(String licenceNumber) {
        return licenceNumber == null ? "" : LooseKey.of(licenceNumber).orElse("");
    }
}
