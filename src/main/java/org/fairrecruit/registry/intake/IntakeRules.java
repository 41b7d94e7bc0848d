package org.fairrecruit.registry.intake;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The deployment's intake rules.
 *
 * @param submissionsPerHour new reports accepted per client and replica in an hour
 * @param maxFiles           attachments per report or per added message
 * @param maxFileBytes       largest attachment
 * @param freeFailures       wrong follow-up codes per reference (and per client) before waiting starts
 * @param maxWait            longest wait after repeated wrong codes
 * @param replayFor          how long a retried submission (same Idempotency-Key) gets its first answer back
 * @param destinations       countries of work the form offers (ISO 3166-1 alpha-2), the usual ones first
 */
@ConfigurationProperties("registry.intake")
record IntakeRules(int submissionsPerHour, int maxFiles, long maxFileBytes, int freeFailures, Duration maxWait,
                   Duration replayFor, List<String> destinations) {
}
