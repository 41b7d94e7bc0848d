package org.fairrecruit.registry.monitoring;

import org.fairrecruit.registry.database.Column;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Inspections with their findings, and compliance obligations with due dates. */
@Singleton
public class Monitoring {
    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;
    private final AgencyRegister agencies;

    Monitoring(Sql sql, AuditLog audit, Clock clock, AgencyRegister agencies) {
        this.agencies = agencies;
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Severity { MINOR, MAJOR, CRITICAL }

    public enum ObligationKind { BOND, ESCROW, INSURANCE, REPORT, OTHER }

    @Serdeable
    public record FindingInput(Severity severity, String description, LocalDate followUpOn) {
    }

    @Serdeable
    public record Inspection(long id, long agencyId, LocalDate inspectedOn, String inspector, String summary,
                             List<Finding> findings) {
    }

    @Serdeable
    public record Finding(long id, long agencyId, Severity severity, String description, LocalDate followUpOn,
                          LocalDate resolvedOn, long version) {
        public boolean overdue(LocalDate today) {
            return resolvedOn == null && followUpOn != null && followUpOn.isBefore(today);
        }
    }

    @Serdeable
    public record Obligation(long id, long agencyId, ObligationKind kind, String description, LocalDate dueOn,
                             LocalDate fulfilledOn, long version) {
        public boolean overdue(LocalDate today) {
            return fulfilledOn == null && dueOn.isBefore(today);
        }
    }

    @Transactional
    public Inspection recordInspection(String actor, long agencyId, LocalDate inspectedOn, String summary,
                                       List<FindingInput> findings) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .date("inspectedOn", inspectedOn)
                .require(inspectedOn == null || !inspectedOn.isAfter(LocalDate.now(clock)), "inspectedOn", "field.past")
                .text("summary", summary, Column.INSPECTION_SUMMARY);
        // A follow-up due before the visit that found the problem would be overdue the moment it is recorded.
        findings.forEach(f -> check.require(f.severity() != null, "severity", "field.required")
                .text("finding", f.description(), Column.FINDING)
                .require(f.followUpOn() == null || inspectedOn == null || f.followUpOn().isAfter(inspectedOn),
                        "followUpOn", "monitoring.error.followUpBeforeInspection"));
        check.throwIfAny();
        requireAgency(agencyId);
        long id = sql.insert("INSERT INTO inspection (agency_id, inspected_on, inspector, summary, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?)", agencyId, inspectedOn, actor, summary.strip(), Instant.now(clock));
        findings.forEach(f -> sql.insert("""
                INSERT INTO inspection_finding (inspection_id, agency_id, severity, description, follow_up_on)
                VALUES (?, ?, ?, ?, ?)""", id, agencyId, f.severity(), f.description().strip(), f.followUpOn()));
        Inspection inspection = inspection(id);
        audit.record(AuditEvent.of(actor, "inspection.recorded", "agency", agencyId), null, inspection);
        return inspection;
    }

    /** Corrects an inspection's date and summary; its findings' follow-ups must still come after it. */
    @Transactional
    public Inspection updateInspection(String actor, long agencyId, long inspectionId, LocalDate inspectedOn,
                                       String summary) {
        Inspection before = inspection(inspectionId);
        if (before.agencyId() != agencyId) {
            throw new RegistryException.NotFound("inspection", inspectionId);
        }
        InvalidInput.Collector check = new InvalidInput.Collector()
                .date("inspectedOn", inspectedOn)
                .require(inspectedOn == null || !inspectedOn.isAfter(LocalDate.now(clock)), "inspectedOn", "field.past")
                .text("summary", summary, Column.INSPECTION_SUMMARY);
        before.findings().forEach(f -> check.require(f.followUpOn() == null || inspectedOn == null
                || f.followUpOn().isAfter(inspectedOn), "inspectedOn", "monitoring.error.followUpBeforeInspection"));
        check.throwIfAny();
        sql.update("UPDATE inspection SET inspected_on = ?, summary = ? WHERE id = ?", inspectedOn, summary.strip(),
                inspectionId);
        Inspection after = inspection(inspectionId);
        audit.record(AuditEvent.of(actor, "inspection.updated", "agency", before.agencyId()), before, after);
        return after;
    }

    /** Corrects a finding's severity, description and follow-up date; {@code expectedVersion} is the one read. */
    @Transactional
    public Finding updateFinding(String actor, long agencyId, long findingId, long expectedVersion, FindingInput input) {
        Finding before = finding(findingId);
        if (before.agencyId() != agencyId) {
            throw new RegistryException.NotFound("finding", findingId);
        }
        LocalDate inspectedOn = sql.one("SELECT i.inspected_on FROM inspection i JOIN inspection_finding f "
                + "ON f.inspection_id = i.id WHERE f.id = ?", rs -> Sql.date(rs, "inspected_on"), findingId).orElseThrow();
        new InvalidInput.Collector()
                .require(input.severity() != null, "severity", "field.required")
                .text("finding", input.description(), Column.FINDING)
                .require(input.followUpOn() == null || input.followUpOn().isAfter(inspectedOn),
                        "followUpOn", "monitoring.error.followUpBeforeInspection")
                .throwIfAny();
        if (sql.update("UPDATE inspection_finding SET severity = ?, description = ?, follow_up_on = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?", input.severity(), input.description().strip(),
                input.followUpOn(), findingId, expectedVersion) == 0) {
            throw new RegistryException.Conflict("error.conflict", "finding", findingId);
        }
        Finding after = finding(findingId);
        audit.record(AuditEvent.of(actor, "finding.updated", "agency", before.agencyId()), before, after);
        return after;
    }

    @Transactional
    public Finding resolveFinding(String actor, long findingId, long expectedVersion, LocalDate resolvedOn) {
        new InvalidInput.Collector().date("resolvedOn", resolvedOn).throwIfAny();
        Finding before = finding(findingId);
        if (sql.update("UPDATE inspection_finding SET resolved_on = ?, version = version + 1 WHERE id = ? AND version = ?",
                resolvedOn, findingId, expectedVersion) == 0) {
            throw new RegistryException.Conflict("error.conflict", "finding", findingId);
        }
        Finding after = finding(findingId);
        audit.record(AuditEvent.of(actor, "finding.resolved", "agency", before.agencyId()), before, after);
        return after;
    }

    @Transactional
    public Obligation addObligation(String actor, long agencyId, ObligationKind kind, String description, LocalDate dueOn) {
        new InvalidInput.Collector()
                .require(kind != null, "kind", "field.required")
                .text("description", description, Column.OBLIGATION)
                .date("dueOn", dueOn)
                .throwIfAny();
        requireAgency(agencyId);
        long id = sql.insert("INSERT INTO compliance_obligation (agency_id, kind, description, due_on) VALUES (?, ?, ?, ?)",
                agencyId, kind, description.strip(), dueOn);
        Obligation obligation = obligation(id);
        audit.record(AuditEvent.of(actor, "obligation.added", "agency", agencyId), null, obligation);
        return obligation;
    }

    /** Marks an obligation met, optionally rolling it over to its next due date (e.g. a renewed bond). */
    @Transactional
    public Obligation fulfil(String actor, long obligationId, long expectedVersion, LocalDate fulfilledOn,
                             LocalDate nextDueOn) {
        new InvalidInput.Collector().date("fulfilledOn", fulfilledOn)
                .require(nextDueOn == null || nextDueOn.isAfter(fulfilledOn == null ? LocalDate.MIN : fulfilledOn),
                        "nextDueOn", "field.future")
                .throwIfAny();
        Obligation before = obligation(obligationId);
        if (sql.update("UPDATE compliance_obligation SET fulfilled_on = ?, version = version + 1 WHERE id = ? AND version = ?",
                fulfilledOn, obligationId, expectedVersion) == 0) {
            throw new RegistryException.Conflict("error.conflict", "obligation", obligationId);
        }
        Obligation after = obligation(obligationId);
        audit.record(AuditEvent.of(actor, "obligation.fulfilled", "agency", before.agencyId()), before, after);
        if (nextDueOn != null) {
            addObligation(actor, before.agencyId(), before.kind(), before.description(), nextDueOn);
        }
        return after;
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(long agencyId) {
        return sql.list("SELECT id FROM inspection WHERE agency_id = ? ORDER BY inspected_on DESC, id DESC",
                rs -> rs.getLong(1), agencyId).stream().map(this::inspection).toList();
    }

    @Transactional(readOnly = true)
    public List<Obligation> obligations(long agencyId) {
        return sql.list("SELECT * FROM compliance_obligation WHERE agency_id = ? ORDER BY due_on", Monitoring::obligation,
                agencyId);
    }

    /** Unfulfilled obligations past their due date, oldest first, with the agency's name. */
    @Transactional(readOnly = true)
    public List<Queued<Obligation>> overdueObligations(int limit) {
        return named(sql.list("""
                SELECT * FROM compliance_obligation WHERE fulfilled_on IS NULL AND due_on < ? ORDER BY due_on LIMIT ?""",
                Monitoring::obligation, LocalDate.now(clock), limit), Obligation::agencyId);
    }

    /** Open findings whose follow-up date has passed. */
    @Transactional(readOnly = true)
    public List<Queued<Finding>> overdueFollowUps(int limit) {
        return named(sql.list("""
                SELECT * FROM inspection_finding WHERE resolved_on IS NULL AND follow_up_on < ? ORDER BY follow_up_on LIMIT ?""",
                Monitoring::finding, LocalDate.now(clock), limit), Finding::agencyId);
    }

    /** The register names the agencies: monitoring keeps only their ids. */
    private <T> List<Queued<T>> named(List<T> items, Function<T, Long> agencyOf) {
        Map<Long, String> names = agencies.legalNames(items.stream().map(agencyOf).distinct().toList());
        return items.stream().map(item -> new Queued<>(names.get(agencyOf.apply(item)), item)).toList();
    }

    /** A queue entry: the item and the name of the agency it concerns. */
    @Serdeable
    public record Queued<T>(String agencyName, T item) {
    }

    private void requireAgency(long agencyId) {
        if (agencies.legalNames(List.of(agencyId)).isEmpty()) {
            throw new RegistryException.NotFound("agency", agencyId);
        }
    }

    private Inspection inspection(long id) {
        List<Finding> findings = sql.list("SELECT * FROM inspection_finding WHERE inspection_id = ? ORDER BY id",
                Monitoring::finding, id);
        return sql.one("SELECT * FROM inspection WHERE id = ?", rs -> new Inspection(id, rs.getLong("agency_id"),
                        Sql.date(rs, "inspected_on"), rs.getString("inspector"), rs.getString("summary"), findings), id)
                .orElseThrow(() -> new RegistryException.NotFound("inspection", id));
    }

    private Finding finding(long id) {
        return sql.one("SELECT * FROM inspection_finding WHERE id = ?", Monitoring::finding, id)
                .orElseThrow(() -> new RegistryException.NotFound("finding", id));
    }

    private Obligation obligation(long id) {
        return sql.one("SELECT * FROM compliance_obligation WHERE id = ?", Monitoring::obligation, id)
                .orElseThrow(() -> new RegistryException.NotFound("obligation", id));
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getLong("agency_id"), Severity.valueOf(rs.getString("severity")),
                rs.getString("description"), Sql.date(rs, "follow_up_on"), Sql.date(rs, "resolved_on"),
                rs.getLong("version"));
    }

    private static Obligation obligation(ResultSet rs) throws SQLException {
        return new Obligation(rs.getLong("id"), rs.getLong("agency_id"), ObligationKind.valueOf(rs.getString("kind")),
                rs.getString("description"), Sql.date(rs, "due_on"), Sql.date(rs, "fulfilled_on"), rs.getLong("version"));
    }
}
