package org.fairrecruit.registry.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Each test counts the whole chain, so each gets a fresh context and with it a fresh database.
@MicronautTest(transactional = false, rebuildContext = true)
class AuditChainerTest {
    @Inject AuditLog audit;
    @Inject AuditChainer chainer;
    @Inject AuditVerifier verifier;
    @Inject AuditQueries queries;
    @Inject Sql sql;
    @Inject TransactionOperations<Connection> tx;

    private void record(String action, long entityId) {
        tx.executeWrite(status -> {
            audit.record(AuditEvent.of("tester", action, "thing", entityId), null, Map.of("n", entityId));
            return null;
        });
    }

    private Long seqOf(String action) {
        return sql.one("SELECT seq FROM audit_entry WHERE action = ?", rs -> rs.getObject(1, Long.class), action).orElseThrow();
    }

    private long idOf(String action) {
        return sql.count("SELECT id FROM audit_entry WHERE action = ?", action);
    }

    @Test
    void concurrent_writers_and_chainers_link_every_entry_exactly_once() throws Exception {
        int writers = 6;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        record("load.write", writer * 1000L + i);
                    }
                }));
            }
            // Three chainers (as three replicas would run) keep going while the writers write.
            List<Future<?>> writing = List.copyOf(work);
            for (int c = 0; c < 3; c++) {
                work.add(pool.submit(() -> {
                    while (writing.stream().anyMatch(f -> !f.isDone())) {
                        chainer.chainCommitted();
                    }
                }));
            }
            for (Future<?> task : work) {
                task.get(2, TimeUnit.MINUTES);
            }
            chainer.chainCommitted();
        } finally {
            pool.shutdownNow();
        }
        long total = sql.count("SELECT COUNT(*) FROM audit_entry");
        assertEquals(writers * perWriter, total);
        assertEquals(0, sql.count("SELECT COUNT(*) FROM audit_entry WHERE seq IS NULL"));
        assertEquals(total, sql.count("SELECT COUNT(DISTINCT seq) FROM audit_entry"));
        assertEquals(total, sql.count("SELECT MAX(seq) FROM audit_entry"));
        ChainVerification result = verifier.verify();
        assertTrue(result.intact(), result.problem());
        assertEquals(total, result.entriesChecked());
    }

    @Test
    void an_entry_committed_after_a_later_written_one_is_chained_after_it() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.executeWrite(status -> {
            audit.record(AuditEvent.of("tester", "order.slow", "thing", 1), null, null);
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(written.await(30, TimeUnit.SECONDS));
        record("order.fast", 2);

        chainer.chainCommitted();
        assertEquals(1L, seqOf("order.fast"), "the committed entry is chained while the earlier one is still open");
        assertEquals(0, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'order.slow'"), "still open: seen by nobody else");

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        chainer.chainCommitted();

        assertEquals(2L, seqOf("order.slow"));
        assertTrue(idOf("order.slow") < idOf("order.fast"), "written first, chained second");
        ChainVerification result = verifier.verify();
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.entriesChecked());
    }

    @Test
    void a_rolled_back_entry_never_reaches_the_trail_or_the_chain() {
        record("kept.before", 1);
        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            audit.record(AuditEvent.of("tester", "change.rolled-back", "thing", 2), null, null);
            throw new IllegalStateException("the business change fails after its audit entry");
        }));
        record("kept.after", 3);

        chainer.chainCommitted();

        assertEquals(0, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'change.rolled-back'"));
        assertEquals(2L, seqOf("kept.after"));
        ChainVerification result = verifier.verify();
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.entriesChecked());
    }

    @Test
    void a_committed_entry_is_in_the_trail_at_once_and_in_the_chain_after_the_round() {
        record("first.chained", 1);
        chainer.chainCommitted();
        record("second.waiting", 1);

        List<AuditEntry> history = queries.forEntity("thing", "1");
        assertEquals(List.of("first.chained", "second.waiting"), history.stream().map(AuditEntry::action).toList());

        chainer.chainCommitted();
        assertEquals(2L, seqOf("second.waiting"));
        assertTrue(verifier.verify().intact());
    }

    @Test
    void a_chained_entry_put_back_to_unchained_is_reported_missing() {
        record("a.first", 1);
        record("a.second", 1);
        record("a.third", 1);
        chainer.chainCommitted();

        // Someone with write access tries to move the second entry to the end of the chain.
        sql.update("UPDATE audit_entry SET seq = NULL, prev_hash = NULL, hash = NULL WHERE action = 'a.second'");
        chainer.chainCommitted();

        ChainVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(2L, result.firstBrokenSeq(), result.problem());
    }
}
