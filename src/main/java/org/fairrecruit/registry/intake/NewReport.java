package org.fairrecruit.registry.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A report as the public form and the API send it (../shared/API.md). Values stay text until
 * checked, so that every wrong one is answered beside its field rather than as an unreadable body.
 */
@Serdeable
@Schema(name = "PublicReport", example = """
        {"category": "PROHIBITED_FEES", "description": "The agency took 150000 NPR and my passport.",
         "agencyName": "Bluewater Manpower", "destinationCountry": "QA", "employer": "Doha Building Co.",
         "fees": [{"feeType": "RECRUITMENT_FEE", "amount": "150000", "currency": "NPR", "paidOn": "2026-10-02",
                   "paidTo": "AGENCY"}],
         "contact": {"email": "worker@example.org", "language": "ne"}, "language": "ne"}""")
record NewReport(@Schema(description = "PROHIBITED_FEES, CONTRACT_SUBSTITUTION, DOCUMENT_RETENTION, DECEPTION, "
                         + "ILLEGAL_RECRUITMENT, ABUSE or OTHER") String category,
                 @Schema(description = "what happened, in the reporter's words") String description,
                 @Nullable @Schema(description = "the agency or recruiter as the reporter names it") String agencyName,
                 @Nullable @Schema(description = "a registered agency's number, when the reporter picked one") Long agencyId,
                 @Nullable @Schema(description = "ISO 3166-1 alpha-2") String destinationCountry,
                 @Nullable String employer,
                 @Nullable List<FeeLine> fees,
                 @Nullable Contact contact,
                 @Nullable @Schema(description = "en, fil, ne or id: the language the report is written in") String language) {

    NewReport {
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /** A fee the reporter paid; {@code amount} a decimal string in the ISO 4217 {@code currency}. */
    @Serdeable
    record FeeLine(String feeType, String amount, String currency,
                   @Nullable @Schema(description = "ISO date") String paidOn,
                   @Nullable @Schema(description = "AGENCY, SUB_AGENT, PERSON or a name") String paidTo) {
    }

    /** How to reach the reporter, all optional; sealed at rest. */
    @Serdeable
    record Contact(@Nullable String name, @Nullable String phone, @Nullable String email, @Nullable String language) {
    }
}
