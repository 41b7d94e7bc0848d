package org.fairrecruit.registry.reporting;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * @param suppressBelow     public counts below this are shown only as "fewer than N"
 * @param defaultMonths     the period a report covers when none is chosen, ending with this month
 * @param expiryHorizonDays how far ahead the dashboard looks for expiring licences
 * @param topAgencies       how many agencies the per-agency charts show
 */
@ConfigurationProperties("registry.reporting")
record ReportingRules(int suppressBelow, int defaultMonths, int expiryHorizonDays, int topAgencies) {
}
