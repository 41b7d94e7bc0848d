package org.fairrecruit.registry.intake;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One report per Idempotency-Key (the API header, or the form's hidden submission token, so a
 * double click or a retried request creates one case). The first request claims the key in its
 * transaction; a concurrent one waits on that row and then gets the first answer back. The code in
 * that answer is sealed with a key derived from the Idempotency-Key, which the database never holds.
 */
@Singleton
class Idempotency {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Sql sql;
    private final IntakeRules rules;
    private final Clock clock;

    record Answer(long complaintId, String reference, String followUpCode) {
    }

    Idempotency(Sql sql, IntakeRules rules, Clock clock) {
        this.sql = sql;
        this.rules = rules;
        this.clock = clock;
    }

    /** Empty when this request owns the key; the first answer when another request already used it. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Answer> claim(String key, byte[] fingerprint) {
        byte[] keyHash = Clients.sha256("intake-key|" + key);
        int inserted = sql.update("INSERT IGNORE INTO intake_idempotency (key_hash, fingerprint, created_at) VALUES (?, ?, ?)",
                keyHash, fingerprint, Instant.now(clock));
        if (inserted == 1) {
            return Optional.empty();
        }
        record Row(byte[] fingerprint, long complaintId, String reference, byte[] replay) {
        }
        Row row = sql.one("SELECT fingerprint, complaint_id, reference, replay FROM intake_idempotency WHERE key_hash = ? FOR UPDATE",
                rs -> new Row(rs.getBytes(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)), keyHash).orElseThrow();
        if (!Arrays.equals(row.fingerprint(), fingerprint) || row.replay() == null) {
            throw IntakeRefusal.keyReused();
        }
        return Optional.of(new Answer(row.complaintId(), row.reference(), open(key, row.reference(), row.replay())));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void answered(String key, Answer answer) {
        sql.update("UPDATE intake_idempotency SET complaint_id = ?, reference = ?, replay = ? WHERE key_hash = ?",
                answer.complaintId(), answer.reference(), seal(key, answer.reference(), answer.followUpCode()),
                Clients.sha256("intake-key|" + key));
    }

    /** Keys older than the replay window are forgotten (and with them the sealed codes); any replica may do it. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetOld() {
        sql.update("DELETE FROM intake_idempotency WHERE created_at < ?", Instant.now(clock).minus(rules.replayFor()));
    }

    private static byte[] seal(String key, String reference, String code) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, reference, code.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }

    private static String open(String key, String reference, byte[] replay) {
        byte[] nonce = Arrays.copyOf(replay, 12);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, reference, Arrays.copyOfRange(replay, 12, replay.length)),
                StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, String key, byte[] nonce, String reference, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(Clients.sha256("intake-replay|" + key), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(reference.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Replay could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
