package org.fairrecruit.registry.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Links committed audit entries into the hash chain, in the order it finds them committed (which is not
 * always their id order: a transaction that began earlier may commit later). One chainer at a time
 * across all replicas: each round locks the audit_head row, and only then reads the unchained entries,
 * so it sees everything the previous round linked and links each entry exactly once. Entries of a
 * transaction that rolled back were never committed, so they never reach the chain. Every replica runs
 * a round each {@code registry.audit.chain-interval}.
 */
@Singleton
public class AuditChainer {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);
    static final int BATCH = 500;
    private final Sql sql;

    AuditChainer(Sql sql) {
        this.sql = sql;
    }

    @Scheduled(fixedDelay = "${registry.audit.chain-interval}", initialDelay = "${registry.audit.chain-interval}")
    void onSchedule() {
        try {
            chainCommitted();
        } catch (RuntimeException e) {
            LOG.warn("audit chaining round failed: {}", e.toString());
        }
    }

    /** Links every entry committed before this call (waiting for a round running elsewhere); returns how many it linked. */
    public int chainCommitted() {
        int total = 0;
        int linked;
        do {
            linked = sql.inTransaction(this::chainBatch);
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    private int chainBatch() {
        // A locking read: it waits for a round in progress and creates no snapshot, so the plain read of the
        // unchained entries below sees that round's work.
        Head head = sql.one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                rs -> new Head(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new IllegalStateException("audit_head row is missing"));
        List<Unchained> unchained = sql.list(AuditQueries.SELECT + " WHERE seq IS NULL ORDER BY id LIMIT " + BATCH,
                rs -> new Unchained(rs.getLong("id"), AuditQueries.read(rs)));
        if (unchained.isEmpty()) {
            return 0;
        }
        List<AuditEntry> chained = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        String previous = head.lastHash();
        for (Unchained row : unchained) {
            AuditEntry entry = row.entry().chainedAt(head.lastSeq() + chained.size() + 1, previous);
            chained.add(entry);
            links.add(new Object[] {entry.seq(), entry.prevHash(), entry.hash(), row.id()});
            previous = entry.hash();
        }
        for (int changed : sql.updateAll("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND seq IS NULL",
                links)) {
            if (changed != 1) {
                throw new IllegalStateException("an audit entry was already chained: the round is rolled back");
            }
        }
        AuditEntry last = chained.get(chained.size() - 1);
        sql.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last.seq(), last.hash());
        return unchained.size();
    }

    private record Unchained(long id, AuditEntry entry) {
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
