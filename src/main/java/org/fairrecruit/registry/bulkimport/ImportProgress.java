package org.fairrecruit.registry.bulkimport;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.Instant;

/** Progress of a running import, committed on its own so the job page sees it while the import runs. */
@Singleton
class ImportProgress {
    private final Sql sql;
    private final Clock clock;

    ImportProgress(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void report(long jobId, Phase phase, int done, int total) {
        Instant now = Instant.now(clock);
        sql.update("INSERT INTO import_progress (job_id, phase, rows_done, rows_total, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE phase = ?, rows_done = ?, rows_total = ?, updated_at = ?",
                jobId, phase, done, total, now, phase, done, total, now);
    }

    enum Phase { VALIDATING, IMPORTING }
}
