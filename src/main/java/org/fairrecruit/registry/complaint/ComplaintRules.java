package org.fairrecruit.registry.complaint;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * The deployment's complaint rules.
 *
 * @param receivedDays      a new case is due for triage this many days after it arrives
 * @param triagedDays       a triaged case is due to be under investigation this many days later
 * @param investigationDays an investigation is due to end this many days after it began
 * @param legalBasis        the legal basis a substantiated finding is proposed under
 * @param attachmentTypes   evidence file types accepted
 * @param maxAttachmentBytes largest evidence file
 */
@ConfigurationProperties("registry.complaints")
public record ComplaintRules(int receivedDays, int triagedDays, int investigationDays, String legalBasis,
                             List<String> attachmentTypes, long maxAttachmentBytes) {

    /** How many days a case may stay in {@code status}; none for a final status. */
    int dueDays(ComplaintStatus status) {
        return switch (status) {
            case RECEIVED -> receivedDays;
            case TRIAGED -> triagedDays;
            case UNDER_INVESTIGATION -> investigationDays;
            case RESOLVED, REFERRED -> 0;
        };
    }
}
