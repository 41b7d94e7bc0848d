package org.fairrecruit.registry.matching.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards matching quality on the labelled dev set (a copy in test resources). The floors sit a
 * little below what the matcher reached (strict recall 0.997, recall@5 1.000, false matches 0.000)
 * so that a regression fails the build while small, deliberate trade-offs do not.
 */
class QualityEvaluationTest {

    private static QualityEvaluation.Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        report = QualityEvaluation.run(Path.of(QualityEvaluationTest.class.getResource("/matching/names-dev").toURI()));
        report.print(System.out, true);
    }

    @Test
    void expected_entry_is_first_with_match_for_nearly_every_query() {
        assertTrue(report.overall().strictRecall() >= 0.97, () -> "strict recall " + report.overall().strictRecall());
    }

    @Test
    void expected_entry_is_among_the_first_five_for_every_query() {
        assertTrue(report.overall().recallAt5() >= 0.99, () -> "recall@5 " + report.overall().recallAt5());
    }

    @Test
    void names_of_no_one_are_almost_never_a_match() {
        assertTrue(report.overall().falseMatchRate() <= 0.01, () -> "false-match rate " + report.overall().falseMatchRate());
    }

    @Test
    void every_variant_kind_keeps_its_recall() {
        report.byKind().forEach((kind, tally) -> {
            if (!kind.equals("negative")) {
                assertTrue(tally.strictRecall() >= 0.85, () -> kind + " strict recall " + tally.strictRecall());
            }
        });
    }
}
