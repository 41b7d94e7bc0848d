package org.fairrecruit.registry.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Public reads cost their own queries only: no transaction is opened or closed around them. */
@MicronautTest(transactional = false)
class PublicReadsTest {
    @Inject PublicReads reads;

    @Test
    void public_reads_run_outside_a_transaction() {
        long inTransaction = reads.one("SELECT @@in_transaction, COUNT(*) FROM agency WHERE id > ?", rs -> rs.getLong(1), 0)
                .orElseThrow();

        assertEquals(0, inTransaction, "the query ran in no transaction");
        assertFalse(reads.onReplica(), "no replica configured in tests");
    }
}
