package org.fairrecruit.registry.identity;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApiKeyFormTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject ApiKeys keys;

    @Test
    void a_rate_in_words_and_a_bad_address_are_refused_together_and_no_key_is_issued() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        long before = keys.all().size();

        HttpResponse<String> refused = admin.postForm("/admin/api-keys", Map.of("organisation", "Words Employer",
                "contactEmail", "not-an-address", "requestsPerMinute", "lots", "scopes", "MATCH"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<p class=\"field-error\" id=\"new-key-requestsPerMinute-error\">Enter a whole number.</p>"),
                refused.body());
        assertTrue(refused.body().contains("id=\"new-key-contactEmail-error\""));
        assertTrue(refused.body().contains("value=\"lots\"") && refused.body().contains("value=\"Words Employer\""));
        assertEquals(before, keys.all().size(), "nothing issued");
    }
}
