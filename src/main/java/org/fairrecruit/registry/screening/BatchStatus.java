package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A batch's progress: QUEUED (nothing done yet), RUNNING, DONE (with the counts of queries whose
 * best candidate is a MATCH, a POSSIBLE, or none; the results file and the signed summary).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record BatchStatus(long batchId, String status, int rowsTotal, int rowsDone, @Nullable Integer matches,
                          @Nullable Integer possibles, @Nullable Integer noMatches, @Nullable String resultsSha256,
                          Instant createdAt, @Nullable Instant finishedAt, @Nullable String resultsUrl,
                          @Nullable String summaryUrl) {
}
