package org.fairrecruit.registry.matching.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchingRules;
import org.fairrecruit.registry.matching.NameMatcher;
import org.fairrecruit.registry.matching.Verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a labelled name set (gallery.tsv: id, type, name, country; queries.tsv: query, type,
 * expected_id, variant) through {@link NameMatcher} and measures strict recall, recall@5 and the
 * false-match rate, overall and per variant kind. A gallery id on several rows is one entity with
 * several names. Shared by the quality benchmark command and the regression test.
 */
public final class QualityEvaluation {

    private static final int TOP = 5;
    private static final CSVFormat TSV = CSVFormat.TDF.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(false).setQuote(null).build();

    record Query(String name, EntityType type, String expectedId, Set<String> kinds) {
        boolean negative() {
            return expectedId == null;
        }
    }

    /** Strict: expected entry first with MATCH. Found: expected entry in the first five. */
    record Outcome(Query query, List<Match> results, boolean strict, boolean found, boolean falseMatch) {
    }

    /** Counts for one group of queries. */
    public static final class Tally {
        private int positives;
        private int strict;
        private int found;
        private int negatives;
        private int falseMatches;

        void add(Outcome outcome) {
            if (outcome.query().negative()) {
                negatives++;
                falseMatches += outcome.falseMatch() ? 1 : 0;
            } else {
                positives++;
                strict += outcome.strict() ? 1 : 0;
                found += outcome.found() ? 1 : 0;
            }
        }

        public double strictRecall() {
            return positives == 0 ? Double.NaN : (double) strict / positives;
        }

        public double recallAt5() {
            return positives == 0 ? Double.NaN : (double) found / positives;
        }

        public double falseMatchRate() {
            return negatives == 0 ? Double.NaN : (double) falseMatches / negatives;
        }

        int queries() {
            return positives + negatives;
        }
    }

    /** The evaluation of one data set: overall, per variant kind, and every query's outcome. */
    public record Report(Tally overall, Map<String, Tally> byKind, List<Outcome> outcomes) {

        public void print(PrintStream out, boolean withFailures) {
            if (withFailures) {
                for (Outcome o : outcomes) {
                    if (o.query().negative() ? o.falseMatch() : !o.strict()) {
                        out.printf("FAIL [%s] %s (expected %s) -> %s%n", String.join("+", o.query().kinds()),
                                o.query().name(), o.query().negative() ? "nothing" : o.query().expectedId(),
                                o.results().isEmpty() ? "no result" : o.results().get(0));
                    }
                }
            }
            out.printf("%-18s %8s %14s %10s %17s%n", "variant kind", "queries", "strict_recall", "recall@5", "false_match_rate");
            byKind.forEach((kind, tally) -> out.printf("%-18s %8d %14s %10s %17s%n", kind, tally.queries(),
                    figure(tally.strictRecall()), figure(tally.recallAt5()), figure(tally.falseMatchRate())));
            out.printf("%-18s %8d %14s %10s %17s%n", "all", overall.queries(),
                    figure(overall.strictRecall()), figure(overall.recallAt5()), figure(overall.falseMatchRate()));
            out.printf(Locale.ROOT, "strict_recall=%.3f recall_at_5=%.3f false_match_rate=%.3f%n",
                    overall.strictRecall(), overall.recallAt5(), overall.falseMatchRate());
        }

        private static String figure(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
        }
    }

    private QualityEvaluation() {
    }

    public static Report run(Path directory) throws IOException {
        List<MatchableEntity> gallery = gallery(directory.resolve("gallery.tsv"));
        List<Query> queries = queries(directory.resolve("queries.tsv"));
        try (NameMatcher matcher = new NameMatcher(MatchingRules.defaults())) {
            matcher.upsertAll(gallery);
            return evaluate(matcher, queries);
        }
    }

    private static Report evaluate(NameMatcher matcher, List<Query> queries) {
        Tally overall = new Tally();
        Map<String, Tally> byKind = new TreeMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Query query : queries) {
            List<Match> results = matcher.search(new MatchQuery(query.name(), query.type(), null), TOP);
            Outcome outcome = judge(query, results);
            outcomes.add(outcome);
            overall.add(outcome);
            query.kinds().forEach(kind -> byKind.computeIfAbsent(kind, k -> new Tally()).add(outcome));
        }
        return new Report(overall, byKind, outcomes);
    }

    private static Outcome judge(Query query, List<Match> results) {
        boolean falseMatch = query.negative() && results.stream().anyMatch(m -> m.verdict() == Verdict.MATCH);
        boolean strict = !query.negative() && !results.isEmpty()
                && results.get(0).id().equals(query.expectedId()) && results.get(0).verdict() == Verdict.MATCH;
        boolean found = !query.negative() && results.stream().limit(TOP).anyMatch(m -> m.id().equals(query.expectedId()));
        return new Outcome(query, results, strict, found, falseMatch);
    }

    private static List<MatchableEntity> gallery(Path file) throws IOException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, CSVRecord> first = new LinkedHashMap<>();
        for (CSVRecord row : rows(file)) {
            names.computeIfAbsent(row.get("id"), id -> new ArrayList<>()).add(row.get("name"));
            first.putIfAbsent(row.get("id"), row);
        }
        List<MatchableEntity> entities = new ArrayList<>(names.size());
        first.forEach((id, row) -> entities.add(new MatchableEntity(id, EntityType.valueOf(row.get("type").strip()),
                names.get(id), blankToNull(row.get("country")))));
        return entities;
    }

    private static List<Query> queries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (CSVRecord row : rows(file)) {
            String type = blankToNull(row.get("type"));
            Set<String> kinds = new LinkedHashSet<>(List.of(row.get("variant").strip().split("\\+")));
            queries.add(new Query(row.get("query"), type == null ? null : EntityType.valueOf(type),
                    blankToNull(row.get("expected_id")), kinds));
        }
        return queries;
    }

    private static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return TSV.parse(reader).getRecords();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
