package org.fairrecruit.registry.licensing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A screening MATCH on a key person stops the grant until a second person, a supervisor, approves clearing it. */
@MicronautTest(transactional = false)
class ScreeningClearanceTest {
    private static final Authentication PROPOSER = Authentication.build("officer-clears", Set.of(Roles.SUPERVISOR));
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-clears", Set.of(Roles.SUPERVISOR));
    private static final Authentication ADMIN = Authentication.build("admin-clears", Set.of(Roles.SUPERVISOR, Roles.ADMIN));
    @Inject Licensing licensing;
    @Inject ApplicationReview review;
    @Inject ScreeningClearances clearances;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject StaffFixtures staff;
    @Inject EmbeddedServer server;
    @Inject Sql sql;

    @Test
    void a_match_is_cleared_only_when_a_different_supervisor_approves_and_only_then_the_licence_is_granted() {
        Application application = matchedApplication("Bhupendra Kesari Thapaliya", "Clearwater Overseas Pvt. Ltd.");
        ApplicationReview.ReviewedHit hit = onlyMatch(application);
        assertEquals("Bhupendra Kesari Thapaliya", hit.listed().name());
        assertEquals(1968, hit.listed().birthYear());
        assertEquals("NP", hit.listed().nationality());
        assertEquals("CASE-CLR-B", hit.listed().caseReference());
        assertEquals(grantRefusal(application), "licence.error.screeningMatch");

        Proposal clearing = fourEyes.propose(PROPOSER.getName(), clearances.draft(hit.id(),
                ScreeningClearances.ClearReason.DIFFERENT_BIRTH_YEAR, "Born 1990, the listed one 1968.", "Act s. 10"));
        assertEquals(grantRefusal(application), "licence.error.screeningMatch", "waiting is not cleared");
        assertEquals("proposal.error.ownProposal", assertThrows(RegistryException.Forbidden.class,
                () -> fourEyes.approve(PROPOSER, clearing.id(), clearing.version())).messageKey());
        assertEquals("proposal.error.adminApproves", assertThrows(RegistryException.Forbidden.class,
                () -> fourEyes.approve(ADMIN, clearing.id(), clearing.version())).messageKey());
        assertTrue(fourEyes.subject(clearing).title().contains("Clearwater Overseas Pvt. Ltd."));
        assertTrue(fourEyes.subject(clearing).title().contains("Bhupendra Kesari Thapaliya"));

        fourEyes.approve(SUPERVISOR, clearing.id(), clearing.version());

        ApplicationReview.ReviewedHit cleared = review.reviewedHit(hit.id()).orElseThrow();
        assertEquals(PROPOSER.getName(), cleared.clearance().proposedBy());
        assertEquals(SUPERVISOR.getName(), cleared.clearance().clearedBy());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'application.screening-cleared' "
                + "AND actor = ? AND entity_id = ?", SUPERVISOR.getName(), String.valueOf(application.id())));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'proposal.approved' AND actor = ? "
                + "AND entity_id = ?", SUPERVISOR.getName(), String.valueOf(clearing.id())));
        Application current = review.get(application.id());
        assertEquals(LicenceStatus.ACTIVE, licensing.grant(RegisterFixtures.OFFICER, current.id(), current.version(),
                new GrantTerms(null, null)).status());
    }

    @Test
    void screening_again_keeps_an_approved_clearance_and_makes_a_waiting_proposal_obsolete() {
        Application application = matchedApplication("Chandrakala Vishwakarma Poudel", "Riverbend Manpower Pvt. Ltd.");
        ApplicationReview.ReviewedHit hit = onlyMatch(application);
        Proposal clearing = fourEyes.propose(PROPOSER.getName(), clearances.draft(hit.id(),
                ScreeningClearances.ClearReason.DIFFERENT_BIRTH_YEAR, "Born 1975, the listed one 1968.", "Act s. 10"));

        review.rescreen(RegisterFixtures.OFFICER, application.id());

        assertEquals(Proposal.Status.OBSOLETE, fourEyes.get(clearing.id()).status());
        ApplicationReview.ReviewedHit again = onlyMatch(application);
        Proposal second = fourEyes.propose(PROPOSER.getName(), clearances.draft(again.id(),
                ScreeningClearances.ClearReason.DIFFERENT_BIRTH_YEAR, "Born 1975, the listed one 1968.", "Act s. 10"));
        fourEyes.approve(SUPERVISOR, second.id(), second.version());
        review.rescreen(RegisterFixtures.OFFICER, application.id());
        assertTrue(review.reviewedHits(application.id()).stream().noneMatch(ApplicationReview.ReviewedHit::needsClearance),
                "the same pair, once cleared, stays cleared");
    }

    @Test
    void the_clearance_form_shows_every_missing_field_at_once_and_the_hit_names_the_listed_person() {
        Application application = matchedApplication("Dilliraman Bhattarai Kshetri", "Hilltop Staffing Pvt. Ltd.");
        ApplicationReview.ReviewedHit hit = onlyMatch(application);
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);

        String page = officer.getHtml("/staff/applications/" + application.id()).body();
        assertTrue(page.contains("Dilliraman Bhattarai Kshetri") && page.contains("born 1968")
                && page.contains("/staff/blacklist?q=CASE-CLR-D"), page);

        HttpResponse<String> refused = officer.postForm("/staff/applications/" + application.id() + "/screening/"
                + hit.id() + "/clearance", Map.of("clearReason", "", "reason", "", "legalBasis", "Act s. 10"));
        assertEquals(400, refused.statusCode());
        String form = refused.body();
        assertTrue(form.contains("id=\"clear-" + hit.id() + "-clearReason-error\""), form);
        assertTrue(form.contains("id=\"clear-" + hit.id() + "-reason-error\""), form);
        assertTrue(form.contains("value=\"Act s. 10\""), "what was typed is kept");
    }

    @Test
    void a_grant_dated_30_february_is_refused_beside_the_field_with_the_checklist_rule_on_the_same_submit() {
        Application application = licensing.apply(RegisterFixtures.OFFICER,
                fixtures.agency("Februarydate Manpower Pvt. Ltd.").id());
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);

        HttpResponse<String> refused = officer.postForm("/staff/applications/" + application.id() + "/grant",
                Map.of("version", String.valueOf(application.version()), "validFrom", "2026-02-30",
                        "conditions", "Deployment to Qatar only."));

        assertEquals(400, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("id=\"grant-validFrom-error\""), page);
        assertTrue(page.contains("value=\"2026-02-30\""), "the date typed is kept");
        assertTrue(page.contains("Deployment to Qatar only."), "the conditions typed are kept");
        assertTrue(page.contains("id=\"checklist-error\""), "the checklist rule comes on the same submit");
        assertEquals(Application.Status.OPEN, review.get(application.id()).status());
    }

    private Application matchedApplication(String listedName, String agencyName) {
        fixtures.listedPerson(listedName, "CASE-CLR-" + listedName.charAt(0));
        return fixtures.reviewedApplication(fixtures.agency(agencyName, listedName).id());
    }

    private ApplicationReview.ReviewedHit onlyMatch(Application application) {
        List<ApplicationReview.ReviewedHit> matches = review.reviewedHits(application.id()).stream()
                .filter(hit -> hit.hit().verdict() == Verdict.MATCH).toList();
        assertEquals(1, matches.size(), matches.toString());
        return matches.get(0);
    }

    private String grantRefusal(Application application) {
        Application current = review.get(application.id());
        return assertThrows(InvalidInput.class, () -> licensing.grant(RegisterFixtures.OFFICER, current.id(),
                current.version(), new GrantTerms(null, null))).byField().get("screening").messageKey();
    }
}
