package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What the officer decides when granting: from when (default today; renewals continue the current
 * validity), the conditions, and that screening matches were looked at and found to be other people.
 */
@Serdeable
public record GrantTerms(LocalDate validFrom, String conditions, boolean screeningReviewed) {
}
