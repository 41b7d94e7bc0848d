package org.fairrecruit.registry.complaint;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.sanction.Listings;
import org.fairrecruit.registry.sanction.Sanctions;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unlicensed recruiters are found by the matcher (staff only) and, from a substantiated case, listed or sanctioned by four eyes. */
@MicronautTest(transactional = false)
class UnlicensedRecruiterTest {
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-r", Set.of(Roles.SUPERVISOR));

    @Inject EmbeddedServer server;
    @Inject UnlicensedRecruiters recruiters;
    @Inject RecruiterSearch search;
    @Inject RegistryNameIndex index;
    @Inject ComplaintFixtures complaints;
    @Inject ComplaintCases cases;
    @Inject OutcomeDecisions outcomes;
    @Inject FourEyes fourEyes;
    @Inject Listings listings;
    @Inject Sanctions sanctions;
    @Inject RegisterFixtures register;

    @Test
    void a_recruiter_is_found_by_another_spelling_of_an_alias_but_never_by_the_public_search() throws InterruptedException {
        UnlicensedRecruiters.Recruiter broker = recruiters.create("investigator-r", UnlicensedRecruiters.Kind.PERSON,
                "Mohammad Rafiqul Islam", List.of("Rafiq Dalal", "মোহাম্মদ রফিকুল ইসলাম"), "BD");

        List<RecruiterSearch.Hit> hits = searchUntilFound("Md Rafiqul Islam");

        assertEquals(broker.id(), hits.get(0).recruiter().id());
        assertEquals(broker.id(), search.search("Rafiq Dalaal", 5).get(0).recruiter().id());
        assertTrue(index.search(new MatchQuery("Mohammad Rafiqul Islam", null, null), 10).stream()
                .anyMatch(m -> m.id().equals("recruiter-" + broker.id())));
        String publicAnswer = new WebClient(server.getURI()).getJson("/api/v1/public/search?q=Mohammad+Rafiqul+Islam").body();
        assertTrue(publicAnswer.contains("\"results\":[]"), publicAnswer);
    }

    @Test
    void a_substantiated_case_lists_its_unlicensed_recruiter_on_the_blacklist_after_four_eyes() {
        UnlicensedRecruiters.Recruiter broker = recruiters.create("investigator-r", UnlicensedRecruiters.Kind.BUSINESS,
                "Golden Gate Visa Consultancy", List.of("GG Visa"), "NP");
        Receipt receipt = complaints.phoneCase(null, "MY");
        cases.link("investigator-r", receipt.id(), new ComplaintCases.Links(null, broker.id(), List.of(), null, null));
        assertThrows(RegistryException.Conflict.class, () -> cases.proposeListing("investigator-r", receipt.id(), true,
                "ILLEGAL_RECRUITMENT", "Recruits without a licence.", "Act s. 6", null), "not substantiated yet");
        substantiate(receipt.id());

        Proposal listing = cases.proposeListing("investigator-r", receipt.id(), true, "ILLEGAL_RECRUITMENT",
                "Recruits without a licence.", "Act s. 6", null);
        assertEquals(List.of(), listings.inForce("Golden Gate Visa", 10));
        fourEyes.approve(SUPERVISOR, listing.id(), listing.version());

        Listings.Entry entry = listings.inForce("Golden Gate Visa", 10).get(0);
        assertEquals("AGENCY", entry.subjectType());
        assertEquals(List.of("GG Visa"), entry.aliases());
        assertEquals(receipt.reference(), entry.caseReference());
    }

    @Test
    void a_substantiated_case_proposes_a_sanction_of_its_agency() {
        long agency = register.agency("Sanction From Case Manpower").id();
        Receipt receipt = complaints.phoneCase(agency, "QA");
        substantiate(receipt.id());

        Proposal sanction = cases.proposeSanction("investigator-r", receipt.id(), "WARNING", "Charged fees.", "Act s. 12",
                null, null);
        fourEyes.approve(SUPERVISOR, sanction.id(), sanction.version());

        assertEquals(receipt.reference(), sanctions.forAgency(agency).get(0).caseReference());
        assertTrue(cases.view(Authentication.build("i", Set.of(Roles.INVESTIGATOR)), receipt.id()).events().stream()
                .anyMatch(e -> e.kind() == ComplaintEvents.Kind.ACTION_PROPOSED));
    }

    /** The index follows the change feed (and may still be loading right after start-up). */
    private List<RecruiterSearch.Hit> searchUntilFound(String query) {
        return eventually("a hit for " + query, Duration.ofSeconds(15), () -> {
            index.followChanges();
            return search.search(query, 5);
        }, hits -> !hits.isEmpty());
    }

    private void substantiate(long id) {
        cases.move("investigator-r", id, ComplaintStatus.TRIAGED, "Named.");
        cases.move("investigator-r", id, ComplaintStatus.UNDER_INVESTIGATION, "Witnesses.");
        Proposal proposal = outcomes.propose("investigator-r", id,
                new CaseView.Statement(PublicReason.EVIDENCE_CONFIRMS, "Three receipts.", "en"), "Two witnesses.");
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }
}
