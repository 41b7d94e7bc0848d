package org.fairrecruit.registry.fee;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.monitoring.CountsByAgency;
import org.fairrecruit.registry.monitoring.RiskSignal;

/**
 * Risk signal from fees: each prohibited fee of a substantiated case, paid within the look-back
 * period (a fee with no payment date counts from when it was recorded).
 */
@Factory
class FeeSignals {

    @Singleton
    RiskSignal prohibitedFees(Sql sql) {
        return RiskSignal.of("prohibited-fee", (since, today, agency) -> CountsByAgency.query(sql,
                "SELECT agency_id, COUNT(*) FROM fee_record WHERE " + FeeRecords.PROVEN_PROHIBITED
                        + " AND agency_id IS NOT NULL AND COALESCE(paid_on, DATE(added_at)) >= ?",
                "agency_id", agency, since));
    }
}
