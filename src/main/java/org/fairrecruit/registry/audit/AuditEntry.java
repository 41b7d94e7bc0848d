package org.fairrecruit.registry.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** {@code seq}, {@code prevHash} and {@code hash} are null until {@link AuditChainer} links the entry into the chain. */
@Serdeable
public record AuditEntry(Long seq, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, String reason, String beforeState, String afterState,
                         String prevHash, String hash) {

    /** This entry at chain position {@code position}, after the entry whose hash is {@code previous}. */
    AuditEntry chainedAt(long position, String previous) {
        return new AuditEntry(position, occurredAt, actor, action, entityType, entityId, reason,
                beforeState, afterState, previous, null).sealed();
    }

    AuditEntry sealed() {
        return new AuditEntry(seq, occurredAt, actor, action, entityType, entityId, reason,
                beforeState, afterState, prevHash, computeHash());
    }

    boolean hashIsIntact() {
        return computeHash().equals(hash);
    }

    /**
     * SHA-256 over a canonical form: every field length-prefixed, so no two different entries can
     * produce the same input by shifting text between fields.
     */
    String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{seq.toString(), occurredAt.toString(), actor, action, entityType,
                entityId, reason, beforeState, afterState, prevHash}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
