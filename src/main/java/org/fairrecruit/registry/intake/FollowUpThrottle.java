package org.fairrecruit.registry.intake;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows guessing of follow-up codes per reference (whether or not it exists, so the wait reveals
 * nothing) and per client, in the database so every replica counts the same failures.
 */
@Singleton
class FollowUpThrottle {
    private final Sql sql;
    private final IntakeRules rules;
    private final Clock clock;

    FollowUpThrottle(Sql sql, IntakeRules rules, Clock clock) {
        this.sql = sql;
        this.rules = rules;
        this.clock = clock;
    }

    static List<String> subjects(String reference, String client) {
        return List.of("reference:" + reference, "client:" + client);
    }

    /** Refuses (429) while any subject must still wait. */
    void checkNotBlocked(List<String> subjects) {
        Instant now = Instant.now(clock);
        sql.list("SELECT blocked_until FROM intake_throttle WHERE subject IN (?, ?)", rs -> Sql.instant(rs, "blocked_until"),
                        subjects.get(0), subjects.get(1)).stream()
                .filter(until -> until.isAfter(now)).max(Instant::compareTo)
                .ifPresent(until -> {
                    throw IntakeRefusal.waitFor(Duration.between(now, until).toSeconds() + 1);
                });
    }

    // Its own transaction: a failure must count even though the refusal rolls the caller back.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(List<String> subjects) {
        Instant now = Instant.now(clock);
        for (String subject : subjects) {
            sql.update("""
                    INSERT INTO intake_throttle (subject, failures, blocked_until, updated_at) VALUES (?, 1, ?, ?)
                    ON DUPLICATE KEY UPDATE failures = failures + 1, updated_at = VALUES(updated_at)""", subject, now, now);
            int failures = (int) sql.count("SELECT failures FROM intake_throttle WHERE subject = ?", subject);
            sql.update("UPDATE intake_throttle SET blocked_until = ? WHERE subject = ?", now.plus(wait(failures)), subject);
        }
    }

    void succeeded(String referenceSubject) {
        sql.update("DELETE FROM intake_throttle WHERE subject = ?", referenceSubject);
    }

    /** Free failures first, then 2, 4, 8 … seconds, capped. */
    Duration wait(int failures) {
        int beyond = failures - rules.freeFailures();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(beyond, 30));
        return wait.compareTo(rules.maxWait()) > 0 ? rules.maxWait() : wait;
    }
}
