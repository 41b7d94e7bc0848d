package org.fairrecruit.registry.database;

import java.util.List;

/**
 * The longest text each kind of field may hold, from the columns it is stored in: a value is
 * checked once against the narrowest column it will reach (a proposal's reason ends up in the
 * proposal, the status history and the audit entry). Validation takes its limits only from here,
 * and ColumnLimitsTest compares every limit with the schema the migrations build.
 */
public enum Column {
    NAME(300, "agency_name.name", "agency_branch.name", "key_person.full_name", "key_person.native_name"),
    REGISTRATION_NUMBER(64, "agency.registration_number"),
    ADDRESS(500, "agency.address", "agency_branch.address"),
    PHONE(64, "agency.phone", "agency_branch.phone"),
    WEBSITE(300, "agency.website"),
    EMAIL(254, "agency.email"),
    LICENCE_NUMBER(32, "licence.licence_number"),
    LICENCE_CONDITIONS(2000, "licence.conditions"),
    DECISION_REASON(1000, "licence_status_change.reason", "audit_entry.reason"),
    PROPOSAL_REASON(1000, "proposal.reason", "licence_status_change.reason", "audit_entry.reason", "sanction.reason",
            "blacklist_entry.delisting_reason"),
    LEGAL_BASIS(300, "proposal.legal_basis", "licence_status_change.legal_basis", "blacklist_entry.legal_basis",
            "sanction.legal_basis"),
    DECISION_NOTE(2000, "proposal.decision_note"),
    LISTED_NAME(300, "blacklist_entry.name", "blacklist_alias.name"),
    ID_DOCUMENT(64, "blacklist_entry.id_document"),
    CASE_REFERENCE(64, "blacklist_entry.case_reference", "sanction.case_reference"),
    REASON_CATEGORY(64, "blacklist_entry.reason_category"),
    INSPECTION_SUMMARY(4000, "inspection.summary"),
    FINDING(2000, "inspection_finding.description"),
    OBLIGATION(1000, "compliance_obligation.description"),
    DOCUMENT_FILE_NAME(255, "application_document.file_name"),
    APPLICATION_NOTE(4000, "application_note.body"),
    SCREENING_EXPLANATION(1000, "application_screening_hit.explanation"),
    IMPORT_FILE_NAME(255, "import_job.file_name"),
    DELIVERY_ERROR(1000, "outbox_message.last_error"),
    PUBLIC_REMARKS(2000, "licence_status_change.public_remarks"),
    COMPLAINT_SUMMARY(10_000, "complaint.summary"),
    CASE_TEXT(4000, "complaint_event.body", "complaint.public_remarks", "complaint.internal_note"),
    REPORTER_MESSAGE(10_000, "intake_message.body"),
    EVIDENCE_FILE_NAME(255, "complaint_attachment.file_name"),
    RECRUITER_NAME(300, "unlicensed_recruiter.name", "unlicensed_recruiter_alias.name", "complaint.recruiter_name"),
    EMPLOYER(300, "complaint.employer"),
    FEE_PAID_TO(300, "fee_record.paid_to_name"),
    API_KEY_ORGANISATION(200, "api_key.organisation"),
    SCREENING_REF(100, "screening_batch_row.ref"),
    SCREENING_NAME(300, "screening_batch_row.name"),
    /** Sealed before it is stored (complaint_contact holds ciphertext), so no column bounds it directly. */
    CONTACT_NAME(200),
    CONTACT_PHONE(50),
    CONTACT_EMAIL(200);

    private final int max;
    private final List<String> columns;

    Column(int max, String... columns) {
        this.max = max;
        this.columns = List.of(columns);
    }

    /** Characters the narrowest of its columns holds. */
    public int max() {
        return max;
    }

    /** {@code table.column} of every column a value of this kind is stored in. */
    public List<String> columns() {
        return columns;
    }

    /** The text cut to fit, for values we write ourselves (error texts, file names), never for user input. */
    public String fit(String text) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
