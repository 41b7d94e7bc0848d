package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import org.fairrecruit.registry.fee.NewFee;

import java.util.List;

/**
 * A complaint from any channel, as {@link ComplaintIntake#receive} takes it.
 *
 * @param createdBy      the staff member taking it (hotline, walk-in), or null when the public sent it
 * @param language       the language the summary was written in (en, fil, ne, id)
 * @param agencyId       the registered agency it concerns, when known
 * @param recruiterName  the name the complainant gave for an agency or recruiter not identified yet
 * @param recruiterId    an unlicensed recruiter record it concerns
 * @param monthlyWage    the worker's contract wage per month (a decimal string), for ceilings in months of wage
 */
public record NewComplaint(@Nullable String createdBy, Channel channel, Category category, String summary,
                           @Nullable String language, @Nullable Long agencyId, @Nullable String recruiterName,
                           @Nullable Long recruiterId, @Nullable String destinationCountry, @Nullable String employer,
                           @Nullable String monthlyWage, @Nullable String wageCurrency, List<NewFee> fees,
                           List<NewAttachment> attachments, @Nullable Contact contact) {
    public NewComplaint {
        fees = fees == null ? List.of() : List.copyOf(fees);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
