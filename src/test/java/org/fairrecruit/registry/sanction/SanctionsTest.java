package org.fairrecruit.registry.sanction;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.StatusChange;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sanctions are recorded only when a second, supervising person approves; suspension and revocation act on the licence. */
@MicronautTest(transactional = false)
class SanctionsTest {
    @Inject EmbeddedServer server;
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR));

    @Inject FourEyes fourEyes;
    @Inject Sanctions sanctions;
    @Inject Licensing licensing;
    @Inject RegisterFixtures fixtures;
    @Inject Sql sql;

    @Test
    void a_fine_is_recorded_with_its_amount_and_currency_once_approved() {
        Agency agency = fixtures.agency("Fined Placement Services");
        Proposal proposal = fourEyes.propose("investigator-a", SanctionDecisions.draft(agency.id(), "FINE",
                "Charged a placement fee to 14 workers.", "Regulation s. 21(1)",
                "250000.50", "npr", "INV-2026-31"));
        assertTrue(sanctions.forAgency(agency.id()).isEmpty());

        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());

        Sanction fine = sanctions.forAgency(agency.id()).get(0);
        assertEquals(SanctionKind.FINE, fine.kind());
        assertEquals(new BigDecimal("250000.50"), fine.amount());
        assertEquals("NPR", fine.currency());
        assertEquals("INV-2026-31", fine.caseReference());
        assertEquals("Regulation s. 21(1)", fine.legalBasis());
        assertEquals("investigator-a", fine.proposedBy());
        assertEquals("supervisor-b", fine.decidedBy());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sanction.imposed' AND entity_id = ?",
                String.valueOf(fine.id())));
        assertTrue(sql.count("SELECT COUNT(*) FROM change_feed WHERE entity_kind = 'AGENCY' AND entity_id = ?", agency.id()) > 0);
        String publicPage = new WebClient(server.getURI()).getHtml("/agencies/" + agency.id()).body();
        assertTrue(publicPage.contains("Fine (Regulation s. 21(1))"), publicPage);
        assertTrue(!publicPage.contains("Charged a placement fee to 14 workers"), "the public page shows no case details");
    }

    @Test
    void a_fine_without_a_usable_amount_or_currency_is_refused_field_by_field() {
        Agency agency = fixtures.agency("Vague Fine Services");

        InvalidInput refused = assertThrows(InvalidInput.class, () -> fourEyes.propose("investigator-a",
                SanctionDecisions.draft(agency.id(), "FINE", "Fees.", "s. 21",
                        "-5", "XYZ", "")));

        assertEquals(Set.of("amount", "currency", "caseReference"), refused.byField().keySet());
    }

    @Test
    void a_suspension_sanction_suspends_the_licence_through_the_licence_state_machine() {
        Agency agency = fixtures.agency("Suspended By Sanction Manpower");
        Licence licence = fixtures.activeLicence(agency.id());
        Proposal proposal = fourEyes.propose("investigator-a", SanctionDecisions.draft(agency.id(), "SUSPENSION",
                "Deployed workers to a banned destination.", "Regulation s. 12(2)",
                null, null, "INV-2026-40"));
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(
                Authentication.build("investigator-a", Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version()));
        assertEquals(LicenceStatus.ACTIVE, licensing.get(licence.id()).status());

        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());

        assertEquals(LicenceStatus.SUSPENDED, licensing.get(licence.id()).status());
        List<StatusChange> history = licensing.history(licence.id());
        assertEquals(proposal.id(), history.get(history.size() - 1).proposalId());
        assertEquals(SanctionKind.SUSPENSION, sanctions.forAgency(agency.id()).get(0).kind());
        RegistryException.Conflict again = assertThrows(RegistryException.Conflict.class, () -> fourEyes.propose(
                "investigator-a", SanctionDecisions.draft(agency.id(), "SUSPENSION", "Again.", "s. 12",
                        null, null, "INV-2026-41")));
        assertEquals("sanction.error.noLicence", again.messageKey());
    }
}
