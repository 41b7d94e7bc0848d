package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What the officer decides when granting: from when (default today; renewals continue the current
 * validity) and the conditions. Screening matches are cleared before, by four eyes (see {@link ScreeningClearances}).
 */
@Serdeable
public record GrantTerms(LocalDate validFrom, String conditions) {
}
