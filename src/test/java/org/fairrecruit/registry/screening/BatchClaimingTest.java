package org.fairrecruit.registry.screening;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Batch rows are claimed with SKIP LOCKED: two workers screen each row once, and a crashed claim is redone. */
@MicronautTest(transactional = false)
@Property(name = "registry.screening.batch-poll-interval", value = "1h")
class BatchClaimingTest {
    @Inject ScreeningBatches batches;
    @Inject BatchWorker worker;
    @Inject ScreeningCalls calls;
    @Inject Sql sql;
    @Inject TransactionOperations<Connection> tx;

    private ApiClient client() {
        calls.issueKey();
        long keyId = sql.one("SELECT MAX(id) FROM api_key", rs -> rs.getLong(1)).orElseThrow();
        return new ApiClient(keyId, "Claims", "c@claims.test");
    }

    private long batchOf(ApiClient client, int rows) {
        StringBuilder csv = new StringBuilder("ref,name,type\n");
        for (int i = 0; i < rows; i++) {
            csv.append("q").append(i).append(",Claim Test Name ").append(i % 7).append(",ANY\n");
        }
        return batches.submit(client, "claims.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rows_of_a_worker_that_crashed_mid_chunk_are_screened_again() {
        ApiClient client = client();
        long batch = batchOf(client, 300);

        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            worker.screenChunk();
            throw new IllegalStateException("worker died before commit");
        }));
        assertEquals(0, sql.count("SELECT rows_done FROM screening_batch WHERE id = ?", batch));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM screening_batch_result WHERE batch_id = ?", batch));
        assertThrows(RegistryException.Conflict.class, () -> batches.results(client, batch));

        int screened = 0;
        for (int n = worker.screenChunk(); n > 0; n = worker.screenChunk()) {
            screened += n;
        }
        assertEquals(300, screened);
        while (worker.finishOne()) {
            assertEquals(0, worker.screenChunk());
        }
        assertEquals(300, sql.count("SELECT COUNT(*) FROM screening_batch_result WHERE batch_id = ?", batch));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM screening_batch WHERE id = ? AND status = 'DONE' AND rows_done = 300", batch));
    }

    @Test
    void two_workers_screen_every_row_exactly_once() {
        long batch = batchOf(client(), 2_000);
        // Two replicas' rounds as the scheduler runs them: claim, screen and store chunks until none is left, then finish.
        CompletableFuture.allOf(CompletableFuture.runAsync(worker::poll), CompletableFuture.runAsync(worker::poll)).join();

        assertEquals(2_000, sql.count("SELECT COUNT(*) FROM screening_batch_result WHERE batch_id = ?", batch));
        assertEquals(2_000, sql.count("SELECT COUNT(DISTINCT row_no) FROM screening_batch_result WHERE batch_id = ?", batch));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM screening_batch WHERE id = ? AND status = 'DONE' AND rows_done = 2000", batch));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM screening WHERE kind = 'BATCH' AND answered LIKE ?",
                "%\"batchId\":" + batch + "%"));
    }
}
