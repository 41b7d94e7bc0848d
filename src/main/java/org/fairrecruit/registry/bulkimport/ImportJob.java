package org.fairrecruit.registry.bulkimport;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An import as the back office shows it. While it runs, {@code phase}, {@code rowsDone} and
 * {@code rowsTotal} come from its progress row; {@code errors} are the first refusals (of
 * {@code errorCount}).
 */
@Serdeable
public record ImportJob(long id, ImportKind kind, String fileName, Status status, String phase, int rowsDone,
                        Integer rowsTotal, int errorCount, List<RowError> errors, String createdBy, Instant createdAt,
                        Instant finishedAt) {
    public enum Status { QUEUED, DONE, REJECTED, FAILED }

    public boolean finished() {
        return status != Status.QUEUED;
    }
}
