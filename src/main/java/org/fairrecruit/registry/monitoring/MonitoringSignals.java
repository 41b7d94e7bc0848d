package org.fairrecruit.registry.monitoring;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

/** Risk signals from monitoring: findings by severity, overdue follow-ups, overdue obligations. */
@Factory
class MonitoringSignals {

    @Singleton
    RiskSignal minorFindings(Sql sql) {
        return findings(sql, "finding-minor", "MINOR");
    }

    @Singleton
    RiskSignal majorFindings(Sql sql) {
        return findings(sql, "finding-major", "MAJOR");
    }

    @Singleton
    RiskSignal criticalFindings(Sql sql) {
        return findings(sql, "finding-critical", "CRITICAL");
    }

    @Singleton
    RiskSignal overdueFollowUps(Sql sql) {
        return RiskSignal.of("open-finding-overdue", (since, today, agency) -> CountsByAgency.query(sql,
                "SELECT agency_id, COUNT(*) FROM inspection_finding WHERE resolved_on IS NULL AND follow_up_on < ?",
                "agency_id", agency, today));
    }

    @Singleton
    RiskSignal overdueObligations(Sql sql) {
        return RiskSignal.of("obligation-overdue", (since, today, agency) -> CountsByAgency.query(sql,
                "SELECT agency_id, COUNT(*) FROM compliance_obligation WHERE fulfilled_on IS NULL AND due_on < ?",
                "agency_id", agency, today));
    }

    private static RiskSignal findings(Sql sql, String name, String severity) {
        return RiskSignal.of(name, (since, today, agency) -> CountsByAgency.query(sql, """
                SELECT f.agency_id, COUNT(*) FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                WHERE f.severity = ? AND i.inspected_on >= ?""", "f.agency_id", agency, severity, since));
    }
}
