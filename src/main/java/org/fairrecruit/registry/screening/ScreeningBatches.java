package org.fairrecruit.registry.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Batches of up to registry.screening.max-batch-rows names, screened in the background by {@link BatchWorker}. */
@Singleton
class ScreeningBatches {
    static final String QUEUED = "QUEUED";
    static final String DONE = "DONE";
    private static final Argument<List<Candidate>> CANDIDATES = Argument.listOf(Candidate.class);
    private final Sql sql;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ScreeningRules rules;
    private final Clock clock;

    ScreeningBatches(Sql sql, JdbcOperations jdbc, JsonMapper json, ScreeningRules rules, Clock clock) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
    }

    /** A finished batch as stored: its queries and, for each, the candidates. */
    record Stored(long id, long keyId, String organisation, List<ScreeningQuery> queries, List<QueryResult> results) {
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
        jdbc.prepareStatement("INSERT INTO screening_batch_row (batch_id, row_no, ref, name, type, country, licence_number) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            for (int i = 0; i < queries.size(); i++) {
                ScreeningQuery q = queries.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i + 1);
                ps.setString(3, q.ref());
                ps.setString(4, q.name());
                ps.setString(5, q.type());
                ps.setString(6, q.country());
                ps.setString(7, q.licenceNumber());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
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

    /** The results file of a finished batch of this client's. */
    @Transactional(readOnly = true)
    public byte[] resultsCsv(ApiClient client, long id) {
        Stored batch = finished(client, id);
        return BatchCsv.results(batch.queries(), batch.results());
    }

    @Transactional(readOnly = true)
    public Stored finished(ApiClient client, long id) {
        BatchStatus status = status(client, id);
        if (!DONE.equals(status.status())) {
            throw new RegistryException.Conflict("screening.batch.notDone", id);
        }
        return stored(id);
    }

    /** Queries and answers of a batch whose rows are all done, in row order. */
    Stored stored(long id) {
        record Head(long keyId, String organisation) {
        }
        Head head = sql.one("SELECT b.key_id, k.organisation FROM screening_batch b JOIN api_key k ON k.id = b.key_id "
                + "WHERE b.id = ?", rs -> new Head(rs.getLong(1), rs.getString(2)), id).orElseThrow();
        List<ScreeningQuery> queries = new ArrayList<>();
        List<QueryResult> results = new ArrayList<>();
        sql.list("SELECT r.ref, r.name, r.type, r.country, r.licence_number, x.candidates FROM screening_batch_row r "
                + "JOIN screening_batch_result x ON x.batch_id = r.batch_id AND x.row_no = r.row_no "
                + "WHERE r.batch_id = ? ORDER BY r.row_no", rs -> {
            ScreeningQuery query = new ScreeningQuery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5));
            queries.add(query);
            results.add(new QueryResult(query.ref(), read(rs.getString(6))));
            return null;
        }, id);
        return new Stored(id, head.keyId(), head.organisation(), queries, results);
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
