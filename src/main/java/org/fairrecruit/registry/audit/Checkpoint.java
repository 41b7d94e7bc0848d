package org.fairrecruit.registry.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A signed statement that the audit chain had this hash at this sequence number at this time. */
@Serdeable
public record Checkpoint(long seq, String hash, Instant at, String keyId, String signature) {
    /** What is signed: {@code seq|hash|at}, the time as ISO-8601 in UTC, exactly as published. */
    static byte[] message(long seq, String hash, Instant at) {
        return (seq + "|" + hash + "|" + at).getBytes(StandardCharsets.UTF_8);
    }

    byte[] message() {
        return message(seq, hash, at);
    }
}
