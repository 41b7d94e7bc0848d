package org.fairrecruit.registry.sanction;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proposing a sanction from the agency file: the refusal stands beside its field, an accepted one waits in the queue. */
@MicronautTest(transactional = false)
class SanctionPageTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;

    @Test
    void a_refused_sanction_form_shows_the_refusal_beside_the_amount_on_the_agency_file() {
        Agency agency = fixtures.agency("Web Sanction Manpower");
        WebClient officer = signedIn(Roles.LICENSING_OFFICER);
        Map<String, String> form = new HashMap<>(Map.of("kind", "FINE", "amount", "a lot", "currency", "NPR",
                "caseReference", "INV-WEB-1", "reason", "Placement fee charged.", "legalBasis", "Regulation s. 21"));

        HttpResponse<String> refused = officer.postForm("/staff/agencies/" + agency.id() + "/sanctions", form);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"sanction-amount-error\""), refused.body());
        assertTrue(refused.body().contains("value=\"a lot\""));

        form.put("amount", "1500");
        assertEquals(303, officer.postForm("/staff/agencies/" + agency.id() + "/sanctions", form).statusCode());
        assertTrue(signedIn(Roles.SUPERVISOR).getHtml("/staff/proposals").body().contains("Sanction: fine"));
    }

    private WebClient signedIn(String role) {
        return new WebClient(server.getURI()).signIn(staff.userWithRole(role), StaffFixtures.PASSWORD);
    }
}
