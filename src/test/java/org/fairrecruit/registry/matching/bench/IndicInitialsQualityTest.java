package org.fairrecruit.registry.matching.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the labelled set of Indian and Bangladeshi names we wrote for issue 22 (test resources
 * matching/indic-initials: Devanagari and Bengali initials, dandas, regional romanisations,
 * nicknames, left-out initials, and people who share a surname but not their initials). The
 * matcher finds every one of them first with MATCH and no negative with MATCH.
 */
class IndicInitialsQualityTest {

    private static QualityEvaluation.Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        report = QualityEvaluation.run(Path.of(IndicInitialsQualityTest.class.getResource("/matching/indic-initials").toURI()));
        report.print(System.out, true);
    }

    @Test
    void initials_in_any_script_and_romanisation_find_their_person_first_with_match() {
        assertTrue(report.overall().strictRecall() >= 0.95, () -> "strict recall " + report.overall().strictRecall());
        assertTrue(report.overall().recallAt5() >= 0.99, () -> "recall@5 " + report.overall().recallAt5());
    }

    @Test
    void people_sharing_a_surname_but_not_their_initials_are_no_match() {
        assertTrue(report.overall().falseMatchRate() == 0, () -> "false-match rate " + report.overall().falseMatchRate());
    }
}
