package org.fairrecruit.registry.portal;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.complaint.CaseView;
import org.fairrecruit.registry.complaint.ComplaintCases;
import org.fairrecruit.registry.complaint.ComplaintFixtures;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.OutcomeDecisions;
import org.fairrecruit.registry.complaint.PublicReason;
import org.fairrecruit.registry.complaint.Receipt;
import org.fairrecruit.registry.fee.FeePolicyDecisions;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.TestClock;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agency page is kept per replica ({@link AgencyProfiles}) and must never show what the register
 * no longer says: each case reads the page first, so it is kept, then changes the register and reads
 * it again at once, with no waiting.
 */
@MicronautTest(transactional = false, environments = TestClock.ENV)
class AgencyPageFreshnessTest {
    private static final Authentication APPROVER = Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR));
    @Inject EmbeddedServer server;
    @Inject RegisterFixtures fixtures;
    @Inject FourEyes fourEyes;
    @Inject ChangeFeed feed;
    @Inject JdbcOperations jdbc;
    @Inject TransactionOperations<Connection> transactions;
    @Inject TestClock clock;
    @Inject ComplaintFixtures complaints;
    @Inject ComplaintCases cases;
    @Inject OutcomeDecisions outcomes;
    @Inject FeePolicyDecisions policies;

    private String page(long agencyId) {
        var response = new WebClient(server.getURI()).getHtml("/agencies/" + agencyId + "?lang=en");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void a_licence_suspended_by_four_eyes_shows_on_the_agency_page_at_once() {
        long agency = fixtures.agency("Kept Page Manpower").id();
        Licence licence = fixtures.activeLicence(agency);
        assertTrue(page(agency).contains("Licensed until"));

        Proposal suspension = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Fees charged to workers.", "s. 12", Map.of("publicReason", "OTHER")));
        assertTrue(page(agency).contains("Licensed until"), "a proposal alone changes nothing");
        fourEyes.approve(APPROVER, suspension.id(), suspension.version());

        String after = page(agency);
        assertTrue(after.contains("Licence suspended"), after);
        assertFalse(after.contains("Licensed until"));
    }

    @Test
    void a_new_blacklist_listing_shows_on_the_agency_page_at_once() {
        long agency = fixtures.agency("Listed Later Kept Manpower").id();
        fixtures.activeLicence(agency);
        assertFalse(page(agency).contains("Blacklisted"));

        Proposal listing = fourEyes.propose("officer-a", BlacklistDecisions.listing(new ListingDraft("AGENCY", agency, null,
                List.of(), null, null, null, "PROHIBITED_FEES", "CASE-KEPT", LocalDate.now(clock), null),
                "Prohibited fees in 40 cases.", "s. 13"));
        fourEyes.approve(APPROVER, listing.id(), listing.version());

        assertTrue(page(agency).contains("Blacklisted — do not pay"));
    }

    @Test
    void the_page_is_kept_until_the_change_feed_announces_a_change_of_the_agency() {
        long agency = fixtures.agency("Announced Change Manpower").id();
        assertTrue(page(agency).contains("Ward "));

        // Written behind the register's back: no feed row, so the kept page stays as it was.
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE agency SET address = 'Quiet Street 9' WHERE id = ?",
                ps -> {
                    ps.setLong(1, agency);
                    return ps.executeUpdate();
                }));
        assertFalse(page(agency).contains("Quiet Street 9"), "the page is kept, not read again");

        transactions.executeWrite(status -> {
            feed.record(EntityKind.AGENCY, agency);
            return null;
        });
        assertTrue(page(agency).contains("Quiet Street 9"));
    }

    @Test
    void a_kept_page_still_says_expired_the_day_after_the_licence_ends() {
        long agency = fixtures.agency("Runs Out Kept Manpower").id();
        Licence licence = fixtures.activeLicence(agency);
        LocalDate today = LocalDate.now(clock);
        try {
            clock.set(licence.validUntil());
            assertTrue(page(agency).contains("Licensed until"));

            clock.set(licence.validUntil().plusDays(1));
            assertTrue(page(agency).contains("Licence expired"));
        } finally {
            clock.set(today);
        }
    }

    @Test
    void fees_a_new_policy_finds_prohibited_show_on_the_agency_page_at_once() {
        long agency = fixtures.agency("Policy Later Kept Manpower").id();
        Receipt receipt = complaints.phoneCase(agency, "LY", new NewFee("RECRUITMENT_FEE", "3000", "LYD",
                LocalDate.now(clock).minusDays(20), "AGENCY", null, null, null));
        cases.move("investigator-k", receipt.id(), ComplaintStatus.TRIAGED, "Agency named.");
        cases.move("investigator-k", receipt.id(), ComplaintStatus.UNDER_INVESTIGATION, "Receipts.");
        Proposal outcome = outcomes.propose("investigator-k", receipt.id(),
                new CaseView.Statement(PublicReason.AGENCY_ADMITTED, null, null), "Owner admitted the fee.");
        fourEyes.approve(APPROVER, outcome.id(), outcome.version());
        assertFalse(page(agency).contains("Prohibited fees recorded"), "no policy for LY yet: not judged prohibited");

        Proposal policy = policies.propose("admin-k", "LY", new FeePolicyDecisions.PolicyInput(LocalDate.of(2020, 1, 1),
                "EMPLOYER_PAYS", List.of(), null));
        fourEyes.approve(APPROVER, policy.id(), policy.version());

        assertTrue(page(agency).contains("Prohibited fees recorded"));
    }
}
