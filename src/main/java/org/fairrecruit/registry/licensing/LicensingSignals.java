package org.fairrecruit.registry.licensing;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.monitoring.CountsByAgency;
import org.fairrecruit.registry.monitoring.RiskSignal;

/** Risk signals from licence history: suspensions and refusals within the look-back period. */
@Factory
class LicensingSignals {

    @Singleton
    RiskSignal suspensions(Sql sql) {
        return moves(sql, "suspension", LicenceStatus.SUSPENDED);
    }

    @Singleton
    RiskSignal refusals(Sql sql) {
        return moves(sql, "refusal", LicenceStatus.REFUSED);
    }

    private static RiskSignal moves(Sql sql, String name, LicenceStatus to) {
        return RiskSignal.of(name, (since, today, agency) -> CountsByAgency.query(sql, """
                SELECT l.agency_id, COUNT(*) FROM licence_status_change c JOIN licence l ON l.id = c.licence_id
                WHERE c.to_status = ? AND c.occurred_at >= ?""", "l.agency_id", agency, to, since));
    }
}
