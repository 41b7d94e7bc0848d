package org.fairrecruit.registry.licensing;

import java.time.LocalDate;
import java.util.List;

/** A licence as the public register shows it, with the agency that holds it. */
public record PublicLicence(long id, String licenceNumber, String status, LocalDate validFrom, LocalDate validUntil,
                            String conditions, long agencyId, String agencyLegalName, List<String> agencyTradeNames,
                            String agencyRegistrationNumber, String agencyCountry, String agencyAddress) {
}
