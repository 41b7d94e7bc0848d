package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** A licence, or while PENDING or REFUSED an application for one (those have no number). */
@Serdeable
public record Licence(long id, long agencyId, String licenceNumber, LicenceStatus status, LocalDate validFrom,
                      LocalDate validUntil, String conditions, LocalDate suspendedUntil, long version) {

    Licence moved(LicenceStatus to) {
        return new Licence(id, agencyId, licenceNumber, to, validFrom, validUntil, conditions,
                to == LicenceStatus.SUSPENDED ? suspendedUntil : null, version);
    }

    Licence granted(String number, LocalDate from, LocalDate until, String newConditions) {
        return new Licence(id, agencyId, number, LicenceStatus.ACTIVE, from, until, newConditions, null, version);
    }

    Licence suspendedUntil(LocalDate until) {
        return new Licence(id, agencyId, licenceNumber, LicenceStatus.SUSPENDED, validFrom, validUntil, conditions, until,
                version);
    }
}
