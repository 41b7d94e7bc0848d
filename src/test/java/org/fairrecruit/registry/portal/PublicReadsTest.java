package org.fairrecruit.registry.portal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public reads cost their own queries only: no transaction is opened or closed around them. */
@MicronautTest(transactional = false)
class PublicReadsTest {
    @Inject PublicReads reads;

    @Test
    void public_reads_run_outside_a_transaction() {
        boolean autocommit = reads.read(c -> c.getAutoCommit());
        long inTransaction = reads.read(c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM agency").close();
                try (ResultSet rs = s.executeQuery("SELECT @@in_transaction")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });

        assertTrue(autocommit, "autocommit connection");
        assertEquals(0, inTransaction, "a query left no transaction open");
    }
}
