package org.fairrecruit.registry.backoffice;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.LicensingSettings;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff home lists what waits for the person signed in, and the navigation counts it on every page. */
@MicronautTest(transactional = false)
class MyWorkPageTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject FourEyes fourEyes;
    @Inject Licensing licensing;
    @Inject LicensingSettings settings;

    @Test
    void a_supervisor_sees_proposals_of_others_to_decide_and_own_ones_apart() {
        String supervisor = staff.userWithRole(Roles.SUPERVISOR);
        fourEyes.propose("officer-my-work", BlacklistDecisions.listing(listing("Kalimpong Waitingfor Decision"),
                "Recruited without a licence.", "Act s. 6"));
        fourEyes.propose(supervisor, BlacklistDecisions.listing(listing("Kalimpong Ownproposal Person"),
                "Recruited without a licence.", "Act s. 6"));
        WebClient client = new WebClient(server.getURI()).signIn(supervisor, StaffFixtures.PASSWORD);

        String home = client.getHtml("/staff").body();
        String toDecide = home.substring(home.indexOf("Proposals waiting for your decision"), home.indexOf("My proposals waiting"));
        assertTrue(toDecide.contains("officer-my-work"), toDecide);
        assertFalse(toDecide.contains("proposed by " + supervisor), "one's own proposal is not one's to decide");
        assertTrue(home.substring(home.indexOf("My proposals waiting")).contains("Put on the blacklist"));
        assertTrue(client.getHtml("/staff/agencies").body().matches("(?s).*class=\"nav-count\">\\d+</span>.*"),
                "the navigation counts the proposals waiting");
    }

    @Test
    void an_officer_sees_own_applications_with_their_due_dates() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Agency agency = fixtures.agency("Duedate Work Manpower Pvt. Ltd.");
        Application application = licensing.apply(officer, agency.id());
        WebClient client = new WebClient(server.getURI()).signIn(officer, StaffFixtures.PASSWORD);

        String home = client.getHtml("/staff").body();
        assertTrue(home.contains("/staff/applications/" + application.id()), home);
        assertTrue(home.contains(application.filedOn().plusDays(settings.decisionDays()).toString()), home);
        assertTrue(home.contains("href=\"/staff/blacklist\""), "the staff blacklist is linked");
    }

    private static ListingDraft listing(String name) {
        return new ListingDraft("PERSON", null, name, List.of(), "NP", 1980, null, "ILLEGAL_RECRUITMENT", null,
                LocalDate.now(), null);
    }
}
