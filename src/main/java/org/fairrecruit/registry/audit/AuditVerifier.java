package org.fairrecruit.registry.audit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.util.List;
import java.util.Map;

/**
 * Recomputes every chained entry's hash in sequence order and holds the chain against every signed
 * checkpoint (see {@link ChainCheck}): edits, deletions, insertions, reorderings, a truncated tail, and a
 * consistently recomputed chain are all reported with the first entry where the chain breaks. Entries the
 * chainer has not linked yet are not part of the chain (see {@link AuditChainer}).
 */
@Singleton
public class AuditVerifier {
    private static final int PAGE = 2_000;
    private final Sql sql;
    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;

    AuditVerifier(Sql sql, Checkpoints checkpoints, CheckpointKeys keys) {
        this.sql = sql;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        List<Checkpoint> signed = checkpoints.all();
        ChainCheck check = new ChainCheck(signed, signed.isEmpty() ? Map.of() : keys.trusted());
        long after = 0;
        boolean going = true;
        while (going) {
            List<AuditEntry> page = pageFrom(after);
            for (AuditEntry entry : page) {
                if (!check.accept(entry)) {
                    going = false;
                    break;
                }
                after = entry.seq();
            }
            going = going && page.size() == PAGE;
        }
        return sql.one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1", rs -> check.result(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new IllegalStateException("audit_head row is missing"));
    }

    private List<AuditEntry> pageFrom(long afterSeq) {
        return sql.list(AuditQueries.SELECT + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE, AuditQueries::read, afterSeq);
    }
}
