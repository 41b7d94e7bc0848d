package org.fairrecruit.registry.agency;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class NearDuplicateAgencyTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject RegistryNameIndex index;

    @Test
    void a_near_duplicate_name_warns_before_saving_and_saves_once_confirmed() {
        Agency existing = fixtures.agency("Golden Dragon Overseas Manpower Pvt. Ltd.");
        MatchQuery typed = new MatchQuery("Golden Dragon Overseas Manpower Pvt Ltd", EntityType.AGENCY, null);
        long deadline = System.currentTimeMillis() + 15_000;
        while (index.search(typed, 5).stream().noneMatch(m -> m.id().equals("agency-" + existing.id()))
                && System.currentTimeMillis() < deadline) {
            index.followChanges();
            Thread.onSpinWait();
        }
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legalName", "Golden Dragon Overseas Manpower Pvt Ltd");
        fields.put("registrationNumber", "GD-DUP-1");
        fields.put("country", "NP");
        fields.put("phone", "+977 1 4412345");
        fields.put("website", "www.golden-dragon.example");

        HttpResponse<String> warned = officer.postForm("/staff/agencies", fields);

        assertEquals(200, warned.statusCode(), String.valueOf(index.search(typed, 5)));
        assertTrue(warned.body().contains("id=\"similar-agencies\""), warned.body());
        assertTrue(warned.body().contains("/staff/agencies/" + existing.id()), warned.body());
        assertTrue(warned.body().contains("GD-DUP-1"));

        fields.put("confirmDuplicate", "on");
        assertEquals(303, officer.postForm("/staff/agencies", fields).statusCode());
    }

    @Test
    void a_phone_in_letters_and_a_website_without_a_host_are_refused() {
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);
        HttpResponse<String> refused = officer.postForm("/staff/agencies", Map.of("legalName", "Format Check Manpower",
                "registrationNumber", "FMT-1", "country", "NP", "phone", "abc", "website", "ktm manpower"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"agency-phone-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"agency-website-error\""), refused.body());
    }
}
