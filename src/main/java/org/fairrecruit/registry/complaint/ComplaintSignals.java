package org.fairrecruit.registry.complaint;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.monitoring.CountsByAgency;
import org.fairrecruit.registry.monitoring.RiskSignal;

/** Risk signal from complaints: those found substantiated, received within the look-back period. */
@Factory
class ComplaintSignals {

    @Singleton
    RiskSignal substantiatedComplaints(Sql sql) {
        return RiskSignal.of("substantiated-complaint", (since, today, agency) -> CountsByAgency.query(sql,
                "SELECT agency_id, COUNT(*) FROM complaint WHERE outcome = 'SUBSTANTIATED' AND received_at >= ?",
                "agency_id", agency, since));
    }
}
