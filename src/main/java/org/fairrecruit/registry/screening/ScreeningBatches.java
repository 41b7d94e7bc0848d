package org.fairrecruit.registry.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Batches of up to registry.screening.max-batch-rows names, screened in the background by {@link BatchWorker}. */
@Singleton
class ScreeningBatches {
    static final String QUEUED = "QUEUED";
    static final String DONE = "DONE";
    private static final Argument<List<Candidate>> CANDIDATES = Argument.listOf(Candidate.class);
    private static final int ROWS_PER_INSERT = 500;
    private final Sql sql;
    private final JsonMapper json;
    private final ScreeningRules rules;
    private final Clock clock;

    ScreeningBatches(Sql sql, JsonMapper json, ScreeningRules rules, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
    }

    /** One screened row of a batch: its number (from 1), what was asked and the candidates found. */
    record Answered(int rowNo, ScreeningQuery query, List<Candidate> candidates) {
    }

    @Transactional
    public long submit(ApiClient client, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("file", "screening.csv.empty")));
        }
        List<ScreeningQuery> queries = BatchCsv.parse(content, rules.maxBatchRows);
        long id = sql.insert("INSERT INTO screening_batch (key_id, file_name, status, rows_total, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", client.keyId(), fileName == null ? null : abbreviate(fileName),
                QUEUED, queries.size(), Instant.now(clock));
        List<List<Object>> rows = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            ScreeningQuery q = queries.get(i);
            rows.add(Arrays.asList(id, i + 1, q.ref(), q.name(), q.type(), q.country(), q.licenceNumber()));
        }
        insertRows("INSERT INTO screening_batch_row (batch_id, row_no, ref, name, type, country, licence_number) VALUES ",
                rows);
        return id;
    }

    @Transactional(readOnly = true)
    public BatchStatus status(ApiClient client, long id) {
        return sql.one("SELECT * FROM screening_batch WHERE id = ? AND key_id = ?", rs -> {
            boolean done = DONE.equals(rs.getString("status"));
            int rowsDone = rs.getInt("rows_done");
            String base = "/api/v1/screening/batches/" + id;
            return new BatchStatus(id, done ? DONE : rowsDone > 0 ? "RUNNING" : QUEUED, rs.getInt("rows_total"), rowsDone,
                    Sql.nullableInt(rs, "match_count"), Sql.nullableInt(rs, "possible_count"),
                    Sql.nullableInt(rs, "none_count"), rs.getString("results_sha256"), Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "finished_at"), done ? base + "/results.csv" : null, done ? base + "/summary.pdf" : null);
        }, id, client.keyId()).orElseThrow(() -> new RegistryException.NotFound("batch", id));
    }

    /** The progress of a finished batch of this client's; 409 while it runs. */
    @Transactional(readOnly = true)
    public BatchStatus finished(ApiClient client, long id) {
        BatchStatus status = status(client, id);
        if (!DONE.equals(status.status())) {
            throw new RegistryException.Conflict("screening.batch.notDone", id);
        }
        return status;
    }

    /** The results file of a finished batch of this client's, read from the database as it is read. */
    public InputStream results(ApiClient client, long id) {
        finished(client, id);
        return new BatchResultsFile(this, id);
    }

    /** Up to {@code size} screened rows of a batch after row {@code afterRow}, in row order. */
    List<Answered> page(long batchId, int afterRow, int size) {
        return sql.list("SELECT r.row_no, r.ref, r.name, r.type, r.country, r.licence_number, x.candidates "
                + "FROM screening_batch_row r JOIN screening_batch_result x ON x.batch_id = r.batch_id AND x.row_no = r.row_no "
                + "WHERE r.batch_id = ? AND r.row_no > ? ORDER BY r.row_no LIMIT ?", rs -> new Answered(rs.getInt(1),
                new ScreeningQuery(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                read(rs.getString(7))), batchId, afterRow, size);
    }

    /**
     * Inserts rows as multi-row statements of {@value #ROWS_PER_INSERT} rows: {@code insert} ends in
     * "VALUES ", each row has a value per column named.
     */
    void insertRows(String insert, List<List<Object>> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String row = "(" + String.join(", ", Collections.nCopies(chunk.get(0).size(), "?")) + ")";
            sql.update(insert + String.join(",", Collections.nCopies(chunk.size(), row)),
                    chunk.stream().flatMap(List::stream).toArray());
        }
    }

    String write(List<Candidate> candidates) {
        try {
            return json.writeValueAsString(candidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Candidate> read(String text) {
        try {
            return json.readValue(text, CANDIDATES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 255 ? text : text.substring(0, 255);
    }
}
