package org.fairrecruit.registry.matching.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/match-quality DIR [--failures]}: quality of {@link org.fairrecruit.registry.matching.NameMatcher}
 * on a labelled set in the names-dev format. The last line is machine-readable.
 */
public final class MatchQualityBenchmark {

    private MatchQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: bin/match-quality DIR [--failures]   (DIR holds gallery.tsv and queries.tsv)");
            System.exit(2);
        }
        boolean failures = args.length > 1 && args[1].equals("--failures");
        long start = System.nanoTime();
        QualityEvaluation.Report report = QualityEvaluation.run(Path.of(args[0]));
        System.out.printf("evaluated %d queries in %.1f s%n", report.outcomes().size(), (System.nanoTime() - start) / 1e9);
        report.print(System.out, failures);
    }
}
