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
    /**
     * QUEUED: being checked; AWAITING_APPROVAL: checked, waiting for a supervisor other than the uploader;
     * APPROVED: being applied; DISCARDED: the supervisor rejected it.
     */
    public enum Status { QUEUED, AWAITING_APPROVAL, APPROVED, DONE, REJECTED, FAILED, DISCARDED }

    /** A replica is working on it (the page refreshes itself meanwhile). */
    public boolean running() {
        return status == Status.QUEUED || status == Status.APPROVED;
    }

    public boolean finished() {
        return !running() && status != Status.AWAITING_APPROVAL;
    }
}
