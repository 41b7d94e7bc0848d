package org.fairrecruit.registry.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Extension point for the screening capability: names screened per month in [from, until), by kind
 * (e.g. "API", "BATCH"). The dashboard draws the chart when a bean implements it, and says that
 * screening volumes are not recorded otherwise.
 */
public interface ScreeningVolumes {
    Map<YearMonth, Map<String, Long>> perMonth(LocalDate from, LocalDate until);
}
