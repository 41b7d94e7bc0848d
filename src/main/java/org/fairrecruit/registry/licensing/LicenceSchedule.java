package org.fairrecruit.registry.licensing;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The licensing calendar: licences expire at the end of their validity unless a renewal was filed
 * in time, dated suspensions end, and renewal reminders go out at the configured days before expiry.
 * Every batch claims its licences with FOR UPDATE SKIP LOCKED, so replicas never do the same work twice.
 */
@Singleton
public class LicenceSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceSchedule.class);
    private static final int BATCH = 100;
    private final Sql sql;
    private final Licensing licensing;
    private final AgencyRegister agencies;
    private final DecisionNotices notices;
    private final LicensingSettings settings;
    private final Clock clock;

    LicenceSchedule(Sql sql, Licensing licensing, AgencyRegister agencies, DecisionNotices notices,
                    LicensingSettings settings, Clock clock) {
        this.sql = sql;
        this.licensing = licensing;
        this.agencies = agencies;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${registry.licensing.schedule-interval:1m}", initialDelay = "10s")
    void run() {
        try {
            while (expireDue() == BATCH) {
                LOG.debug("expired a full batch, continuing");
            }
            while (endSuspensions() == BATCH) {
                LOG.debug("ended a full batch of suspensions, continuing");
            }
            while (sendRenewalReminders() == BATCH) {
                LOG.debug("reminded a full batch, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warn("licensing schedule round failed: {}", e.toString());
        }
    }

    /** Expires ACTIVE licences whose validity ended and that have no renewal open; returns how many. */
    @Transactional
    public int expireDue() {
        List<Long> due = claim("""
                SELECT l.id FROM licence l WHERE l.status = ? AND l.valid_until < ?
                AND NOT EXISTS (SELECT 1 FROM licence_application a WHERE a.licence_id = l.id AND a.status = 'OPEN')""",
                LicenceStatus.ACTIVE);
        due.forEach(id -> licensing.decideBySchedule(id, LicenceTransition.EXPIRE, "licence.reason.expired"));
        return due.size();
    }

    /** Reinstates licences whose dated suspension has run out; returns how many. */
    @Transactional
    public int endSuspensions() {
        List<Long> due = claim("SELECT l.id FROM licence l WHERE l.status = ? AND l.suspended_until < ?",
                LicenceStatus.SUSPENDED);
        due.forEach(id -> licensing.decideBySchedule(id, LicenceTransition.REINSTATE, "licence.reason.suspensionEnded"));
        return due.size();
    }

    /**
     * Queues one reminder per licence and threshold: the most urgent threshold reached. A licence first
     * seen inside several thresholds gets one reminder, and the thresholds it passed count as sent.
     */
    @Transactional
    public int sendRenewalReminders() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> thresholds = settings.reminderDays().stream().sorted().toList();
        String urgent = thresholds.stream().map(days -> "WHEN DATEDIFF(l.valid_until, ?) <= " + days + " THEN " + days)
                .collect(Collectors.joining(" ", "CASE ", " END"));
        List<Object> params = new ArrayList<>(List.of(LicenceStatus.ACTIVE, today, today.plusDays(thresholds.get(thresholds.size() - 1))));
        thresholds.forEach(days -> params.add(today));
        params.add(BATCH);
        List<Licence> due = sql.list("""
                SELECT l.id FROM licence l WHERE l.status = ? AND l.valid_until >= ? AND l.valid_until <= ?
                AND NOT EXISTS (SELECT 1 FROM licence_application a WHERE a.licence_id = l.id AND a.status = 'OPEN')
                AND NOT EXISTS (SELECT 1 FROM renewal_reminder r WHERE r.licence_id = l.id
                    AND r.valid_until = l.valid_until AND r.days_before = %s)
                ORDER BY l.valid_until LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(urgent),
                rs -> licensing.get(rs.getLong(1)), params.toArray());
        for (Licence licence : due) {
            long remaining = ChronoUnit.DAYS.between(today, licence.validUntil());
            List<Integer> reached = thresholds.stream().filter(days -> remaining <= days).toList();
            reached.forEach(days -> sql.update("INSERT IGNORE INTO renewal_reminder (licence_id, valid_until, days_before, "
                    + "queued_at) VALUES (?, ?, ?, ?)", licence.id(), licence.validUntil(), days, Instant.now(clock)));
            notices.renewalDue(agencies.get(licence.agencyId()), licence, reached.get(0));
        }
        return due.size();
    }

    /** {@code select} takes the status, then the day the validity or suspension had to end before. */
    private List<Long> claim(String select, LicenceStatus status) {
        return sql.list(select + " ORDER BY l.id LIMIT ? FOR UPDATE SKIP LOCKED", rs -> rs.getLong(1),
                status, LocalDate.now(clock), BATCH);
    }
}
