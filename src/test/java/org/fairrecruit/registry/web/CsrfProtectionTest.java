package org.fairrecruit.registry.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CsrfProtectionTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject IdentityService identity;

    @Test
    void sign_in_form_without_the_token_is_refused() {
        String username = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI());
        web.getHtml("/login");

        HttpResponse<String> response = web.postFormExactly("/login",
                Map.of("username", username, "password", StaffFixtures.PASSWORD));

        assertEquals(403, response.statusCode());
        assertTrue(web.cookie("REGISTRY_SESSION").isEmpty());
    }

    @Test
    void a_token_that_does_not_match_the_cookie_is_refused() {
        String username = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI());
        web.getHtml("/login");

        HttpResponse<String> response = web.postFormExactly("/login",
                Map.of("username", username, "password", StaffFixtures.PASSWORD, "_csrf", "forged-token"));

        assertEquals(403, response.statusCode());
    }

    @Test
    void a_signed_in_admin_cannot_be_made_to_create_a_user_by_a_forged_form() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);

        HttpResponse<String> forged = admin.postFormExactly("/admin/users", Map.of("username", "planted-user",
                "displayName", "Planted", "email", "planted@evil.test", "password", "long enough password",
                "roles", Roles.ADMIN));

        assertEquals(403, forged.statusCode());
        assertFalse(identity.all().stream().anyMatch(u -> u.username().equals("planted-user")));
    }

    @Test
    void the_same_form_with_its_token_is_accepted() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);

        HttpResponse<String> genuine = admin.postForm("/admin/users", Map.of("username", "genuine-user",
                "displayName", "Genuine", "email", "genuine@registry.test", "password", "long enough password",
                "roles", Roles.INVESTIGATOR));

        assertEquals(303, genuine.statusCode(), genuine.body());
        assertTrue(identity.all().stream().anyMatch(u -> u.username().equals("genuine-user")));
    }

    @Test
    void the_token_from_before_sign_in_is_refused_after_it() {
        String username = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI());
        web.getHtml("/login");
        String beforeSignIn = web.cookie("REGISTRY_CSRF").orElseThrow();
        web.signIn(username, StaffFixtures.PASSWORD);

        HttpResponse<String> response = web.postFormExactly("/admin/users", Map.of("_csrf", beforeSignIn,
                "username", "rotated-user", "displayName", "Rotated", "email", "rotated@registry.test",
                "password", "long enough password", "roles", Roles.INVESTIGATOR));

        assertEquals(403, response.statusCode());
        assertFalse(web.csrfToken().orElseThrow().equals(beforeSignIn));
    }

    @Test
    void a_token_of_another_session_is_refused() {
        WebClient first = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        WebClient second = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);

        HttpResponse<String> response = first.postFormExactly("/admin/users", Map.of(
                "_csrf", second.csrfToken().orElseThrow(), "username", "crossed-user", "displayName", "Crossed",
                "email", "crossed@registry.test", "password", "long enough password", "roles", Roles.INVESTIGATOR));

        assertEquals(403, response.statusCode());
        assertFalse(identity.all().stream().anyMatch(u -> u.username().equals("crossed-user")));
    }

    @Test
    void a_token_in_the_query_string_is_refused() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        String token = java.net.URLEncoder.encode(admin.csrfToken().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = admin.postFormExactly("/admin/users?_csrf=" + token, Map.of(
                "username", "query-user", "displayName", "Query", "email", "query@registry.test",
                "password", "long enough password", "roles", Roles.INVESTIGATOR));

        assertEquals(403, response.statusCode());
        assertFalse(identity.all().stream().anyMatch(u -> u.username().equals("query-user")));
    }
}
