package org.fairrecruit.registry.intake;

import io.github.bucket4j.Bucket;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New reports per client an hour (bucket4j, per replica like the portal's rate limit: a first line;
 * the ingress limits globally). Retries of one submission do not count: they create nothing.
 */
@Singleton
class SubmissionLimit {
    private static final int CLIENTS = 50_000;
    private final IntakeRules rules;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CLIENTS;
        }
    });

    SubmissionLimit(IntakeRules rules) {
        this.rules = rules;
    }

    void take(String client) {
        if (!bucket(client).tryConsume(1)) {
            throw IntakeRefusal.tooManyReports();
        }
    }

    private Bucket bucket(String client) {
        long perHour = rules.submissionsPerHour();
        return buckets.computeIfAbsent(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .build());
    }
}
