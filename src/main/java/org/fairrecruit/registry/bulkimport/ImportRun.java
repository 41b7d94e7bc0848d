package org.fairrecruit.registry.bulkimport;

import java.sql.Timestamp;
import java.util.function.IntConsumer;

/** The job being written: who imports it (the uploader), when, and where to report rows written. */
record ImportRun(long jobId, String actor, String fileName, Timestamp now, IntConsumer rowsWritten) {
    String reason() {
        return "Imported from " + fileName + " (import " + jobId + ")";
    }
}
