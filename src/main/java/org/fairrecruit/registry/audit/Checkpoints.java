package org.fairrecruit.registry.audit;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Signs the audit chain head every {@code registry.audit.checkpoints.interval} (one replica takes each
 * turn: it locks the schedule row with SKIP LOCKED) and on demand; announces each checkpoint for the
 * external auditor ({@link CheckpointSigned}), in the checkpoint's transaction.
 */
@Singleton
public class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private final Sql sql;
    private final CheckpointKeys keys;
    private final CheckpointSettings settings;
    private final ApplicationEventPublisher<CheckpointSigned> signed;
    private final Clock clock;

    Checkpoints(Sql sql, CheckpointKeys keys, CheckpointSettings settings,
                ApplicationEventPublisher<CheckpointSigned> signed, Clock clock) {
        this.sql = sql;
        this.keys = keys;
        this.settings = settings;
        this.signed = signed;
        this.clock = clock;
    }

    /** Signs the chain head now. */
    @Transactional
    public Checkpoint take() {
        long seq = sql.one("SELECT last_seq FROM audit_head WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
        String hash = sql.one("SELECT last_hash FROM audit_head WHERE id = 1", rs -> rs.getString(1)).orElseThrow();
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Checkpoint checkpoint = new Checkpoint(seq, hash, at, keys.keyId(), keys.sign(Checkpoint.message(seq, hash, at)));
        long id = sql.insert("INSERT INTO audit_checkpoint (seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)",
                seq, hash, at, checkpoint.keyId(), checkpoint.signature());
        if (settings.auditorEmail() != null && !settings.auditorEmail().isBlank()) {
            signed.publishEvent(new CheckpointSigned(id, checkpoint, keys.publicKeyPem(), settings.auditorEmail()));
        }
        return checkpoint;
    }

    @Scheduled(fixedDelay = "${registry.audit.checkpoints.poll-interval}", initialDelay = "${registry.audit.checkpoints.poll-interval}")
    void onSchedule() {
        try {
            takeIfDue();
        } catch (RegistryException.Conflict noKey) {
            LOG.warn("audit checkpoints are off: no signing key configured (registry.audit.checkpoints.signing-key)");
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint round failed: {}", e.toString());
        }
    }

    /** Takes the scheduled checkpoint if it is due and no other replica is taking it; false otherwise. */
    @Transactional
    public boolean takeIfDue() {
        Instant now = Instant.now(clock);
        boolean due = !sql.list("SELECT next_due FROM audit_checkpoint_schedule WHERE id = 1 AND next_due <= ? "
                + "FOR UPDATE SKIP LOCKED", rs -> rs.getTimestamp(1), now).isEmpty();
        if (!due) {
            return false;
        }
        sql.update("UPDATE audit_checkpoint_schedule SET next_due = ? WHERE id = 1", now.plus(settings.interval()));
        long head = sql.count("SELECT last_seq FROM audit_head WHERE id = 1");
        long lastSigned = sql.count("SELECT COALESCE(MAX(seq), -1) FROM audit_checkpoint");
        // Nothing new since the last checkpoint: another signature over the same head adds nothing.
        if (head == lastSigned) {
            return false;
        }
        take();
        return true;
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> all() {
        return sql.list("SELECT seq, hash, signed_at, key_id, signature FROM audit_checkpoint ORDER BY id", Checkpoints::read);
    }

    private static Checkpoint read(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));
    }
}
