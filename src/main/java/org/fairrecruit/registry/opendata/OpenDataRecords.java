package org.fairrecruit.registry.opendata;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.licensing.PublicLicence;
import org.fairrecruit.registry.sanction.PublicListing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The records of the JSON and CSV files. Identifiers are stable: {@code agency-<id>},
 * {@code licence-<licence number>} (numbers are never reused), {@code blacklist-<id>}.
 */
final class OpenDataRecords {
    /** The CSV header, and the fields the open data page explains, in file order. */
    static final List<String> LICENCE_FIELDS = List.of("id", "licenceNumber", "status", "validFrom", "validUntil",
            "conditions", "agencyId", "agencyLegalName", "agencyTradeNames", "agencyRegistrationNumber",
            "agencyCountry", "agencyAddress", "agencyUrl");
    static final List<String> LISTING_FIELDS = List.of("id", "subjectType", "name", "aliases", "nationality",
            "birthYear", "idDocument", "reasonCategory", "legalBasis", "listedOn", "expiresOn", "agencyId",
            "agencyRegistrationNumber");

    private OpenDataRecords() {
    }

    static String agencyId(long id) {
        return PublicId.AGENCY.of(id);
    }

    static String licenceId(String licenceNumber) {
        return "licence-" + licenceNumber;
    }

    static String listingId(long id) {
        return PublicId.BLACKLIST.of(id);
    }

    @Serdeable
    record LicenceFile(Instant generatedAt, String publisher, String dataLicence, List<LicenceRecord> licences) {
    }

    @Serdeable
    record BlacklistFile(Instant generatedAt, String publisher, String dataLicence, List<ListingRecord> listings) {
    }

    @Serdeable
    record LicenceRecord(String id, String licenceNumber, String status, LocalDate validFrom, LocalDate validUntil,
                         String conditions, String agencyId, String agencyLegalName, List<String> agencyTradeNames,
                         String agencyRegistrationNumber, String agencyCountry, String agencyAddress, String agencyUrl) {

        static LicenceRecord of(PublicLicence l, String baseUrl) {
            return new LicenceRecord(licenceId(l.licenceNumber()), l.licenceNumber(), l.status(), l.validFrom(),
                    l.validUntil(), l.conditions(), OpenDataRecords.agencyId(l.agencyId()), l.agencyLegalName(), l.agencyTradeNames(),
                    l.agencyRegistrationNumber(), l.agencyCountry(), l.agencyAddress(),
                    baseUrl + "/agencies/" + l.agencyId());
        }
    }

    /** {@code idDocument} is masked; {@code agencyId} is set when the listed subject is a registered agency. */
    @Serdeable
    record ListingRecord(String id, String subjectType, String name, List<String> aliases, String nationality,
                         Integer birthYear, String idDocument, String reasonCategory, String legalBasis,
                         LocalDate listedOn, LocalDate expiresOn, String agencyId, String agencyRegistrationNumber) {

        static ListingRecord of(PublicListing l) {
            return new ListingRecord(listingId(l.id()), l.subjectType(), l.name(), l.aliases(), l.nationality(),
                    l.birthYear(), l.idDocumentMasked(), l.reasonCategory(), l.legalBasis(), l.listedOn(),
                    l.expiresOn(), l.agencyId() == null ? null : OpenDataRecords.agencyId(l.agencyId()), l.agencyRegistrationNumber());
        }
    }
}
