package org.fairrecruit.registry.screening;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** /match: checks the queries, screens them, and keeps what was asked and answered. */
@Singleton
class Screenings {
    private final Screener screener;
    private final ScreeningRules rules;
    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    Screenings(Screener screener, ScreeningRules rules, Sql sql, JsonMapper json, Clock clock) {
        this.screener = screener;
        this.rules = rules;
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public List<QueryResult> match(ApiClient client, List<ScreeningQuery> queries) {
        InvalidInput.Collector errors = new InvalidInput.Collector()
                .require(queries != null && !queries.isEmpty(), "queries", "screening.queries.required")
                .require(queries == null || queries.size() <= rules.maxQueries, "queries", "screening.queries.tooMany",
                        rules.maxQueries);
        if (queries != null && queries.size() <= rules.maxQueries) {
            for (int i = 0; i < queries.size(); i++) {
                ScreeningQuery query = queries.get(i);
                if (query == null) {
                    errors.require(false, "queries[" + i + "]", "field.required");
                } else {
                    query.check(errors, "queries[" + i + "].");
                }
            }
        }
        errors.throwIfAny();
        List<ScreeningQuery> normalised = queries.stream().map(ScreeningQuery::normalised).toList();
        List<QueryResult> results = screener.screen(normalised);
        record(client.keyId(), "MATCH", normalised.size(), normalised, results);
        return results;
    }

    /** Who (the key), when, what was asked and what was answered, word for word. */
    void record(long keyId, String kind, int queries, Object asked, Object answered) {
        sql.insert("INSERT INTO screening (key_id, kind, screened_at, queries, asked, answered) VALUES (?, ?, ?, ?, ?, ?)",
                keyId, kind, Instant.now(clock), queries, write(asked), write(answered));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
