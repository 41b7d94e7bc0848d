package org.fairrecruit.registry.screening;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.matching.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<List<Object>> answers = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            answers.add(List.of(claimed.get(i).batchId(), claimed.get(i).rowNo(), batches.write(results.get(i).candidates())));
        }
        batches.insertRows("INSERT INTO screening_batch_result (batch_id, row_no, candidates) VALUES ", answers);
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
        record Ready(long id, long keyId) {
        }
        Optional<Ready> ready = sql.one("SELECT id, key_id FROM screening_batch WHERE status = ? AND rows_done >= rows_total "
                + "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", rs -> new Ready(rs.getLong(1), rs.getLong(2)),
                ScreeningBatches.QUEUED);
        if (ready.isEmpty()) {
            return false;
        }
        long id = ready.get().id();
        // The verdict of each query's best candidate (none: no match), counted in the database.
        Map<String, Integer> best = new HashMap<>();
        sql.list("SELECT JSON_VALUE(candidates, '$[0].verdict'), COUNT(*) FROM screening_batch_result WHERE batch_id = ? "
                + "GROUP BY 1", rs -> best.put(String.valueOf(rs.getString(1)), rs.getInt(2)), id);
        int matches = best.getOrDefault(Verdict.MATCH.name(), 0);
        int possibles = best.getOrDefault(Verdict.POSSIBLE.name(), 0);
        int names = best.values().stream().mapToInt(Integer::intValue).sum();
        String hash = BatchCsv.sha256(new BatchResultsFile(batches, id));
        sql.update("UPDATE screening_batch SET status = ?, match_count = ?, possible_count = ?, none_count = ?, "
                + "results_sha256 = ?, finished_at = ? WHERE id = ?", ScreeningBatches.DONE, matches, possibles,
                names - matches - possibles, hash, Instant.now(clock), id);
        // The batch's rows and results are the word-for-word record; the log says that it was answered.
        screenings.record(ready.get().keyId(), "BATCH", names, Map.of("batchId", id),
                Map.of("batchId", id, "resultsSha256", hash, "matches", matches, "possibles", possibles));
        LOG.info("screening batch {} finished: {} names", id, names);
        return true;
    }
}
