package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class SessionRevocationTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    @Test
    void after_logout_the_old_session_token_opens_nothing() {
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);
        String oldToken = officer.cookie("REGISTRY_SESSION").orElseThrow();

        assertEquals(303, officer.postForm("/logout", Map.of()).statusCode());

        assertEquals(401, withBearer(oldToken, "/api/v1/staff/proposals").statusCode());
        assertEquals(303, withSessionCookie(oldToken, "/staff").statusCode());
    }

    @Test
    void sign_out_everywhere_ends_every_session_of_the_account() {
        String username = staff.userWithRole(Roles.AUDITOR);
        WebClient laptop = new WebClient(server.getURI()).signIn(username, StaffFixtures.PASSWORD);
        WebClient phone = new WebClient(server.getURI()).signIn(username, StaffFixtures.PASSWORD);
        String apiToken = token(username);
        assertEquals(200, phone.getHtml("/audit").statusCode());

        assertEquals(303, laptop.postForm("/logout/everywhere", Map.of()).statusCode());

        assertEquals(303, phone.getHtml("/audit").statusCode());
        assertEquals(401, withBearer(apiToken, "/api/v1/audit/verification").statusCode());
    }

    @Test
    void a_revoked_bearer_token_is_refused() {
        String username = staff.userWithRole(Roles.AUDITOR);
        String apiToken = token(username);
        assertEquals(200, withBearer(apiToken, "/api/v1/audit/verification").statusCode());

        HttpResponse<String> revoke = new WebClient(server.getURI()).send(HttpRequest.newBuilder(
                server.getURI().resolve("/api/v1/staff/tokens/current")).header("Authorization", "Bearer " + apiToken).DELETE());

        assertEquals(204, revoke.statusCode(), revoke.body());
        assertEquals(401, withBearer(apiToken, "/api/v1/audit/verification").statusCode());
    }

    private String token(String username) {
        HttpResponse<String> response = new WebClient(server.getURI()).postJson("/api/v1/staff/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> withBearer(String token, String path) {
        return new WebClient(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> withSessionCookie(String token, String path) {
        return new WebClient(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html").header("Cookie", "REGISTRY_SESSION=" + token));
    }
}
