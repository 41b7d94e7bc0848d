package org.fairrecruit.registry.bulkimport;

import java.sql.Timestamp;
import java.util.function.IntConsumer;

/**
 * The approved job being applied: the approver (in whose name the records change), the four-eyes
 * proposal, when, and where to report rows written.
 */
record ImportRun(long jobId, String actor, long proposalId, String fileName, Timestamp now, IntConsumer rowsWritten) {
    String reason() {
        return "Imported from " + fileName + " (import " + jobId + ")";
    }
}
