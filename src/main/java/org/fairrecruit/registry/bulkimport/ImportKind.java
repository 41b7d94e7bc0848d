package org.fairrecruit.registry.bulkimport;

import java.util.List;

/** What a file imports, and its columns (a header row names them, in any order). */
public enum ImportKind {
    AGENCIES(List.of("registrationNumber", "legalName", "country", "address", "phone", "email", "tradeNames")),
    LICENCES(List.of("registrationNumber", "licenceNumber", "status", "validFrom", "validUntil", "conditions")),
    BLACKLIST(List.of("subjectType", "name", "aliases", "nationality", "birthYear", "idDocument", "reasonCategory",
            "legalBasis", "caseReference", "listedOn", "expiresOn", "agencyRegistrationNumber"));

    private final List<String> columns;

    ImportKind(List<String> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns;
    }
}
