package org.fairrecruit.registry.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Each test tampers with the chain, so each gets a fresh context and with it a fresh database.
@MicronautTest(transactional = false, rebuildContext = true)
class AuditChainTest {
    @Inject AuditLog audit;
    @Inject AuditVerifier verifier;
    @Inject AuditChainer chainer;
    @Inject JdbcOperations jdbc;
    @Inject TransactionOperations<Connection> tx;

    private long record(String action) {
        tx.executeWrite(status -> {
            audit.record(AuditEvent.of("tester", action, "thing", 7).because("test"), Map.of("v", 1), Map.of("v", 2));
            return null;
        });
        chainer.chainCommitted();
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT MAX(seq) FROM audit_entry", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private void sql(String statement) {
        tx.executeWrite(status -> jdbc.prepareStatement(statement, ps -> ps.executeUpdate()));
    }

    @Test
    void untouched_chain_verifies_and_a_changed_row_is_named_as_the_break() {
        record("a.first");
        long middle = record("a.second");
        record("a.third");
        assertTrue(verifier.verify().intact());

        sql("UPDATE audit_entry SET after_state = '{\"v\":99}' WHERE seq = " + middle);

        ChainVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(middle, result.firstBrokenSeq());
        sql("UPDATE audit_entry SET after_state = '{\"v\":2}' WHERE seq = " + middle);
        assertTrue(verifier.verify().intact(), "restoring the exact content restores the chain");
    }

    @Test
    void deleted_entry_is_detected() {
        long first = record("b.first");
        long second = record("b.second");
        record("b.third");

        sql("DELETE FROM audit_entry WHERE seq = " + second);

        ChainVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(second, result.firstBrokenSeq(), result.problem());
        assertTrue(first < second);
    }

    @Test
    void swapped_entries_are_detected() {
        long a = record("c.first");
        long b = record("c.second");

        sql("UPDATE audit_entry SET seq = -1 WHERE seq = " + a);
        sql("UPDATE audit_entry SET seq = " + a + " WHERE seq = " + b);
        sql("UPDATE audit_entry SET seq = " + b + " WHERE seq = -1");

        assertFalse(verifier.verify().intact());
    }

    @Test
    void truncated_tail_is_detected() {
        record("d.first");
        long last = record("d.second");

        sql("DELETE FROM audit_entry WHERE seq = " + last);

        ChainVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(last, result.firstBrokenSeq(), result.problem());
    }
}
