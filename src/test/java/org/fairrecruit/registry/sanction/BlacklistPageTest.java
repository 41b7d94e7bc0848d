package org.fairrecruit.registry.sanction;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listing form names each refused field beside it, keeps the input, and queues a valid proposal. */
@MicronautTest(transactional = false)
class BlacklistPageTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    @Test
    void a_refused_listing_keeps_the_input_and_a_valid_one_waits_for_approval() {
        WebClient investigator = new WebClient(server.getURI())
                .signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subjectType", "PERSON");
        form.put("name", "");
        form.put("aliases", "Joko Contoh Widodo");
        form.put("nationality", "Indonesia");
        form.put("reasonCategory", "ILLEGAL_RECRUITMENT");
        form.put("listedOn", "2026-11-20");
        form.put("reason", "Recruited for fake jobs in Taiwan.");
        form.put("legalBasis", "Act s. 6");

        HttpResponse<String> refused = investigator.postForm("/staff/blacklist/proposals", form);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"listing-name-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"listing-nationality-error\""));
        assertTrue(refused.body().contains("Joko Contoh Widodo"));

        form.put("name", "Joko Contoh Widodo");
        form.put("nationality", "ID");
        HttpResponse<String> accepted = investigator.postForm("/staff/blacklist/proposals", form);
        assertEquals(303, accepted.statusCode(), accepted.body());
        String queue = investigator.getHtml("/staff/proposals").body();
        assertTrue(queue.contains("Put on the blacklist") && queue.contains("Joko Contoh Widodo"), queue);
        assertTrue(investigator.getHtml("/staff/blacklist?q=Joko").body().contains("Nothing matches these filters."), "not listed before approval");
    }
}
