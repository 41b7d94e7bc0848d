package org.fairrecruit.registry.monitoring;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented formula: sum of weight x count per signal, weights from configuration (application.yml). */
@MicronautTest(transactional = false)
class RiskScoreTest {
    @Inject Monitoring monitoring;
    @Inject RiskScores risk;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject Sql sql;

    @Test
    void findings_obligations_history_and_substantiated_complaints_add_up_by_their_weights() {
        long agency = fixtures.agency("Risky Business Manpower").id();
        LocalDate today = LocalDate.now();
        monitoring.recordInspection("inspector", agency, today.minusDays(40), "Unannounced visit.", List.of(
                new Monitoring.FindingInput(Monitoring.Severity.MAJOR, "Passports kept in the office safe.", today.minusDays(10)),
                new Monitoring.FindingInput(Monitoring.Severity.CRITICAL, "Receipts for placement fees.", null),
                new Monitoring.FindingInput(Monitoring.Severity.MINOR, "Licence not displayed.", null)));
        monitoring.addObligation("officer", agency, Monitoring.ObligationKind.BOND, "Bank guarantee", today.minusDays(1));
        monitoring.addObligation("officer", agency, Monitoring.ObligationKind.ESCROW, "Escrow deposit", today.plusDays(30));
        Licence licence = fixtures.activeLicence(agency);
        Proposal suspension = fourEyes.propose("officer", new ProposalDraft("LICENCE", licence.id(), "SUSPEND", "Fees.",
                "s. 12", Map.of("publicReason", "OTHER")));
        fourEyes.approve(Authentication.build("supervisor", Set.of(Roles.SUPERVISOR)), suspension.id(), suspension.version());
        sql.update("INSERT INTO complaint (reference, channel, agency_id, summary, status, outcome, received_at) "
                + "VALUES ('C-RISK-1', 'PHONE', ?, 'Fee charged.', 'CLOSED', 'SUBSTANTIATED', NOW(6))", agency);
        sql.update("INSERT INTO complaint (reference, channel, agency_id, summary, status, outcome, received_at) "
                + "VALUES ('C-RISK-2', 'PHONE', ?, 'Rude staff.', 'CLOSED', 'UNSUBSTANTIATED', NOW(6))", agency);

        RiskScore score = risk.of(agency);

        Map<String, Long> points = score.contributions().stream()
                .collect(Collectors.toMap(RiskScore.Contribution::signal, RiskScore.Contribution::points));
        assertEquals(Map.of("finding-major", 4L, "finding-critical", 12L, "finding-minor", 1L,
                "open-finding-overdue", 3L, "obligation-overdue", 5L, "suspension", 15L,
                "substantiated-complaint", 10L), points);
        assertEquals(50, score.total());
        assertEquals(agency, risk.highest(1).get(0).agencyId());
        long calm = fixtures.agency("Calm Waters Manpower").id();
        assertEquals(0, risk.of(calm).total());
    }
}
