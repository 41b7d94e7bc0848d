package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.fee.Fee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records the staff API and pages show of cases. Contact details are never part of them (see ComplaintCases.contact). */
public final class CaseView {
    private CaseView() {
    }

    /** One row of the case list; {@code daysInStatus} and {@code overdue} are the ageing. */
    @Serdeable
    public record Summary(long id, String reference, Channel channel, Category category, ComplaintStatus status,
                          @Nullable Outcome outcome, @Nullable Long agencyId, @Nullable String recruiterName,
                          @Nullable String assignedTo, Instant receivedAt, @Nullable LocalDate dueOn,
                          long daysInStatus, boolean overdue) {
    }

    @Serdeable
    public record Statement(@Nullable PublicReason reason, @Nullable String remarks, @Nullable String lang) {
    }

    /**
     * The whole case. For a hotline operator (their own intake) {@code events} leave out investigation
     * notes and {@code internalNote} is null.
     */
    @Serdeable
    public record Case(Summary summary, String text, String language, @Nullable Long recruiterId,
                       List<Long> keyPersonIds, @Nullable String destinationCountry, @Nullable String employer,
                       @Nullable String monthlyWage, @Nullable String wageCurrency, @Nullable String createdBy,
                       boolean hasContact, List<Fee> fees, List<ComplaintAttachments.Attachment> attachments,
                       List<ComplaintEvents.Event> events, @Nullable Statement publicStatement,
                       @Nullable String internalNote, @Nullable Long outcomeProposalId, long version) {
    }
}
