package org.fairrecruit.registry.sanction;

import java.time.LocalDate;
import java.util.List;

/**
 * A current blacklist listing with only what the public may see: no complaint, case notes or
 * complainant, and the identity document masked. {@code agencyId} is set when the listed subject is
 * a registered agency.
 */
public record PublicListing(long id, String subjectType, Long agencyId, String agencyRegistrationNumber,
                            String name, List<String> aliases, String nationality, Integer birthYear,
                            String idDocumentMasked, String reasonCategory, String legalBasis,
                            LocalDate listedOn, LocalDate expiresOn) {
    public boolean isPerson() {
        return "PERSON".equals(subjectType);
    }
}
