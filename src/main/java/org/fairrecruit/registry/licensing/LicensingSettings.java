package org.fairrecruit.registry.licensing;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * The deployment's licensing rules.
 *
 * @param validityYears         how long a granted or renewed licence is valid
 * @param renewalWindowDays     a renewal filed this many days before expiry (or later, but before it) is in time
 * @param reminderDays          renewal reminders are sent this many days before expiry
 * @param disqualificationYears key persons of an agency whose licence was revoked are disqualified this long
 * @param numberPrefix          licence numbers read PREFIX-YEAR-NNNNN
 * @param checklist             what an officer must have verified before granting (message keys checklist.ITEM)
 * @param decisionDays          an application is due for decision this many days after filing (a renewal
 *                              at the latest when the licence ends)
 */
@ConfigurationProperties("registry.licensing")
public record LicensingSettings(int validityYears, int renewalWindowDays, List<Integer> reminderDays,
                                int disqualificationYears, String numberPrefix,
                                List<String> checklist, int decisionDays) {
}
