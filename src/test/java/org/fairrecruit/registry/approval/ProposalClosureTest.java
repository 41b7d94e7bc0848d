package org.fairrecruit.registry.approval;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.GrantTerms;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProposalClosureTest {
    @Inject FourEyes fourEyes;
    @Inject Licensing licensing;
    @Inject RegisterFixtures fixtures;
    @Inject StaffFixtures staff;
    @Inject Sql sql;

    private Proposal suspension(String proposer, long licenceId) {
        return fourEyes.propose(proposer, new ProposalDraft("LICENCE", licenceId, "SUSPEND", "Fees charged to workers.",
                "s. 12", Map.of("publicReason", "OTHER")));
    }

    private static Authentication supervisor(String name) {
        return Authentication.build(name, Set.of(Roles.SUPERVISOR));
    }

    private String mailTo(String username) {
        return sql.one("SELECT body_text FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1), username + "@registry.test").orElse("");
    }

    @Test
    void the_approvers_note_reaches_the_proposer_by_mail() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Licence licence = fixtures.activeLicence(fixtures.agency("Noted Approval Manpower").id());
        Proposal proposed = suspension(officer, licence.id());

        Proposal approved = fourEyes.approve(supervisor("supervisor-note"), proposed.id(), proposed.version(),
                "Approved; check the refunds in March.");

        assertEquals(Proposal.Status.APPROVED, approved.status());
        assertEquals("Approved; check the refunds in March.", approved.decisionNote());
        assertEquals(LicenceStatus.SUSPENDED, licensing.get(licence.id()).status());
        String mail = mailTo(officer);
        assertTrue(mail.contains("was approved by supervisor-note"), mail);
        assertTrue(mail.contains("Noted Approval Manpower"), mail);
        assertTrue(mail.contains("check the refunds in March"), mail);
    }

    @Test
    void a_proposer_withdraws_their_proposal_and_a_new_one_can_be_made() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Withdrawn Proposal Manpower").id());
        Proposal proposed = suspension("officer-w", licence.id());
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.withdraw("officer-other", proposed.id(),
                proposed.version(), null));

        Proposal withdrawn = fourEyes.withdraw("officer-w", proposed.id(), proposed.version(), "Wrong agency.");

        assertEquals(Proposal.Status.WITHDRAWN, withdrawn.status());
        assertEquals("Wrong agency.", withdrawn.decisionNote());
        assertThrows(RegistryException.Conflict.class, () -> fourEyes.approve(supervisor("supervisor-w"), proposed.id(),
                withdrawn.version()));
        assertEquals(Proposal.Status.OPEN, suspension("officer-w", licence.id()).status());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'proposal.withdrawn' AND entity_id = ?",
                String.valueOf(proposed.id())));
    }

    @Test
    void a_refusal_pending_when_the_licence_is_granted_becomes_obsolete_instead_of_blocking_later_proposals() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Application application = fixtures.reviewedApplication(fixtures.agency("Stale Refusal Manpower").id());
        Proposal refusal = fourEyes.propose(officer, new ProposalDraft("LICENCE", application.licenceId(), "REFUSE",
                "Office not found.", "s. 8", Map.of("publicReason", "OTHER")));

        licensing.grant(RegisterFixtures.OFFICER, application.id(), application.version(), new GrantTerms(null, null));

        Proposal closed = fourEyes.get(refusal.id());
        assertEquals(Proposal.Status.OBSOLETE, closed.status());
        assertEquals("licence.error.transition", closed.closingKey());
        assertNull(closed.decisionNote());
        assertTrue(mailTo(officer).contains("can no longer apply"), mailTo(officer));
        assertEquals(Proposal.Status.OPEN, suspension(officer, application.licenceId()).status());
    }

    @Test
    void approving_a_proposal_its_subject_outgrew_closes_it_as_obsolete() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Outgrown Proposal Manpower").id());
        Proposal revocation = fourEyes.propose("officer-o", new ProposalDraft("LICENCE", licence.id(), "REVOKE",
                "Fraud.", "s. 14", Map.of("publicReason", "OTHER")));
        // The licence leaves ACTIVE outside four-eyes (its holder surrenders it), so a revocation can no longer apply.
        sql.update("UPDATE licence SET status = 'REVOKED', version = version + 1 WHERE id = ?", licence.id());

        Proposal after = fourEyes.approve(supervisor("supervisor-o"), revocation.id(), revocation.version(), null);

        assertEquals(Proposal.Status.OBSOLETE, after.status());
        assertEquals("supervisor-o", after.decidedBy());
    }

    @Test
    void the_queue_names_the_agency_and_licence_number_and_masks_identity_documents() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Named Subject Manpower").id());
        Proposal proposed = suspension("officer-n", licence.id());
        Proposal listing = fourEyes.propose("officer-n", BlacklistDecisions.listing(
                new ListingDraft("PERSON", null, "Masked Document Person", List.of(),
                        "NP", 1980, "PA1234567", "ILLEGAL_RECRUITMENT", "CASE-MASK-1", LocalDate.of(2026, 1, 5), null),
                "Recruited without a licence.", "s. 20"));

        var cards = fourEyes.cards(FourEyes.View.MINE, "officer-n", Paging.of(0, 100));
        var card = cards.stream().filter(c -> c.proposal().id() == proposed.id()).findFirst().orElseThrow();
        assertEquals("Named Subject Manpower — " + licence.licenceNumber(), card.subject().title());
        var listed = cards.stream().filter(c -> c.proposal().id() == listing.id()).findFirst().orElseThrow();
        assertEquals("Masked Document Person", listed.subject().title());
        assertEquals("PA1****67", listed.proposal().details().get("idDocument"));
        assertEquals("PA1****67", fourEyes.open().stream().filter(p -> p.id() == listing.id()).findFirst().orElseThrow()
                .details().get("idDocument"));
    }
}
