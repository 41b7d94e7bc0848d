package org.fairrecruit.registry.screening;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Screens queued batch rows on any replica. A chunk of rows is claimed with FOR UPDATE SKIP LOCKED
 * and its answers are committed with the claim, so two workers never screen the same row and a
 * worker that dies mid-chunk leaves its rows to be claimed again. The last chunk's commit makes
 * rows_done reach rows_total; the batch is then finished (counts, results hash) by whichever
 * worker claims it first.
 */
@Singleton
class BatchWorker {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);
    private final Sql sql;
    private final Screener screener;
    private final ScreeningBatches batches;
    private final ScreeningRules rules;
    private final Screenings screenings;
    private final Clock clock;

    BatchWorker(Sql sql, Screener screener, ScreeningBatches batches, ScreeningRules rules, Screenings screenings,
                Clock clock) {
        this.screenings = screenings;
        this.sql = sql;
        this.screener = screener;
        this.batches = batches;
        this.rules = rules;
        this.clock = clock;
    }

    private record Claimed(long batchId, int rowNo, ScreeningQuery query) {
    }

    @Scheduled(fixedDelay = "${registry.screening.batch-poll-interval}", initialDelay = "${registry.screening.batch-poll-interval}")
    void poll() {
        while (true) {
            try {
                if (screenChunk() == 0 && !finishOne()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!Sql.deadlock(e)) {
                    LOG.warn("batch screening round failed: {}", e.toString());
                    return;
                }
                // The database undid the whole chunk to break a deadlock with another worker: claim again.
                LOG.debug("batch chunk rolled back by a deadlock, claiming again");
            }
        }
    }

    /** Claims, screens and stores one chunk of rows; returns how many rows it screened. */
    // READ COMMITTED: no gap locks on the queue's index, which two workers marking rows done would
    // otherwise take in opposite orders (deadlock); SKIP LOCKED keeps the claim exact.
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int screenChunk() {
        List<Claimed> claimed = sql.list("SELECT batch_id, row_no, ref, name, type, country, licence_number "
                + "FROM screening_batch_row WHERE done = FALSE ORDER BY done, batch_id, row_no LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Claimed(rs.getLong(1), rs.getInt(2), new ScreeningQuery(rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))), rules.batchChunk);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<QueryResult> results = screener.screen(claimed.stream().map(Claimed::query).toList());
        Map<Long, List<Integer>> rowsByBatch = claimed.stream().collect(Collectors.groupingBy(Claimed::batchId,
                LinkedHashMap::new, Collectors.mapping(Claimed::rowNo, Collectors.toList())));
        // The result rows' foreign key share-locks the batch row that rows_done then updates; two workers
        // holding the share lock would deadlock on the update, so the batch row is locked first.
        sql.list("SELECT id FROM screening_batch WHERE id IN (" + rowsByBatch.keySet().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ") ORDER BY id FOR UPDATE", rs -> rs.getLong(1));
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            params.add(claimed.get(i).batchId());
            params.add(claimed.get(i).rowNo());
            params.add(batches.write(results.get(i).candidates()));
        }
        sql.update("INSERT INTO screening_batch_result (batch_id, row_no, candidates) VALUES "
                + String.join(",", java.util.Collections.nCopies(claimed.size(), "(?, ?, ?)")), params.toArray());
        rowsByBatch.forEach((batchId, rows) -> {
            sql.update("UPDATE screening_batch_row SET done = TRUE WHERE batch_id = ? AND row_no IN ("
                    + rows.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", batchId);
            sql.update("UPDATE screening_batch SET rows_done = rows_done + ? WHERE id = ?", rows.size(), batchId);
        });
        return claimed.size();
    }

    /** Finishes one batch whose rows are all screened; false when there is none to finish. */
    @Transactional
    public boolean finishOne() {
        var ready = sql.one("SELECT id FROM screening_batch WHERE status = ? AND rows_done >= rows_total "
                + "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", rs -> rs.getLong(1), ScreeningBatches.QUEUED);
        if (ready.isEmpty()) {
            return false;
        }
        ScreeningBatches.Stored batch = batches.stored(ready.get());
        int matches = 0;
        int possibles = 0;
        for (QueryResult result : batch.results()) {
            if (!result.candidates().isEmpty()) {
                switch (result.candidates().get(0).verdict()) {
                    case MATCH -> matches++;
                    case POSSIBLE -> possibles++;
                }
            }
        }
        String hash = BatchCsv.resultsSha256(batch.queries(), batch.results());
        sql.update("UPDATE screening_batch SET status = ?, match_count = ?, possible_count = ?, none_count = ?, "
                + "results_sha256 = ?, finished_at = ? WHERE id = ?", ScreeningBatches.DONE, matches, possibles,
                batch.results().size() - matches - possibles, hash, Instant.now(clock), batch.id());
        // The batch's rows and results are the word-for-word record; the log says that it was answered.
        screenings.record(batch.keyId(), "BATCH", batch.results().size(), Map.of("batchId", batch.id()),
                Map.of("batchId", batch.id(), "resultsSha256", hash, "matches", matches, "possibles", possibles));
        LOG.info("screening batch {} finished: {} names", batch.id(), batch.results().size());
        return true;
    }
}
