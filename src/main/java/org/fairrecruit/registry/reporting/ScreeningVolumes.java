package org.fairrecruit.registry.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Names screened per month in [from, until), by kind (e.g. "MATCH", "BATCH"), as the screening
 * capability reports them (it implements this, so reporting does not depend on screening).
 */
public interface ScreeningVolumes {
    Map<YearMonth, Map<String, Long>> perMonth(LocalDate from, LocalDate until);
}
