package org.fairrecruit.registry.bulkimport;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Progress of a running import, committed on its own so the job page sees it while the import runs. */
@Singleton
class ImportProgress {
    private final JdbcOperations jdbc;
    private final Clock clock;

    ImportProgress(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void report(long jobId, Phase phase, int done, int total) {
        jdbc.prepareStatement("INSERT INTO import_progress (job_id, phase, rows_done, rows_total, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE phase = ?, rows_done = ?, rows_total = ?, updated_at = ?",
                ps -> {
            Timestamp now = Timestamp.from(Instant.now(clock));
            ps.setLong(1, jobId);
            ps.setString(2, phase.name());
            ps.setInt(3, done);
            ps.setInt(4, total);
            ps.setTimestamp(5, now);
            ps.setString(6, phase.name());
            ps.setInt(7, done);
            ps.setInt(8, total);
            ps.setTimestamp(9, now);
            return ps.executeUpdate();
        });
    }

    enum Phase { VALIDATING, IMPORTING }
}
