package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.audit.AuditQueries;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StaffSignInTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject AuditQueries audit;

    private WebClient browser() {
        WebClient web = new WebClient(server.getURI());
        web.getHtml("/login");
        return web;
    }

    @Test
    void correct_password_opens_the_back_office_with_an_http_only_session_cookie() {
        String username = staff.userWithRole(Roles.INVESTIGATOR);
        WebClient web = browser();

        HttpResponse<String> login = web.postForm("/login", Map.of("username", username, "password", StaffFixtures.PASSWORD));

        assertEquals(303, login.statusCode());
        assertEquals("/staff", login.headers().firstValue("Location").orElseThrow());
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("REGISTRY_SESSION=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        HttpResponse<String> home = web.getHtml("/staff");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Test INVESTIGATOR"));
    }

    @Test
    void wrong_password_is_refused_and_the_username_is_kept_in_the_form() {
        String username = staff.userWithRole(Roles.INVESTIGATOR);
        WebClient web = browser();

        HttpResponse<String> login = web.postForm("/login", Map.of("username", username, "password", "not the password"));

        assertEquals(401, login.statusCode());
        assertTrue(login.body().contains("The username or password is not correct"));
        assertTrue(login.body().contains("value=\"" + username + "\""));
        assertTrue(web.cookie("REGISTRY_SESSION").isEmpty());
        assertEquals(303, web.getHtml("/staff").statusCode());
    }

    @Test
    void five_failures_pause_the_account_from_that_address_even_against_the_right_password() {
        String username = staff.userWithRole(Roles.SUPERVISOR);
        WebClient web = browser();
        for (int i = 0; i < 5; i++) {
            web.postForm("/login", Map.of("username", username, "password", "guess " + i));
        }

        HttpResponse<String> login = web.postForm("/login", Map.of("username", username, "password", StaffFixtures.PASSWORD));

        assertEquals(401, login.statusCode());
        assertTrue(login.body().contains("The username or password is not correct"), login.body());
        assertTrue(audit.latest(50).stream().anyMatch(e -> e.action().equals("staff.sign-in-paused")));
    }

    @Test
    void unknown_user_gets_the_same_answer_as_a_wrong_password() {
        HttpResponse<String> login = browser().postForm("/login", Map.of("username", "nobody-here", "password", "whatever"));

        assertEquals(401, login.statusCode());
        assertTrue(login.body().contains("The username or password is not correct"));
    }

    @Test
    void staff_api_issues_a_bearer_token_that_opens_the_api() {
        String username = staff.userWithRole(Roles.AUDITOR);
        WebClient api = new WebClient(server.getURI());

        HttpResponse<String> token = api.postJson("/api/v1/staff/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}");

        assertEquals(200, token.statusCode(), token.body());
        String accessToken = token.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> verification = api.send(java.net.http.HttpRequest.newBuilder(
                server.getURI().resolve("/api/v1/audit/verification")).header("Authorization", "Bearer " + accessToken));
        assertEquals(200, verification.statusCode(), verification.body());
        assertTrue(verification.body().contains("\"intact\":true"));
    }
}
