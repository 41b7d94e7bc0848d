package org.fairrecruit.registry.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.identity.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorisation matrix: every staff page × every role and anonymous, no unexpected grant. */
@MicronautTest(transactional = false)
class StaffRouteAccessTest {
    private static final Map<String, Set<String>> PAGES = Map.ofEntries(
            Map.entry("/staff", Set.copyOf(Roles.ALL)),
            Map.entry("/admin/users", Set.of(Roles.ADMIN)),
            Map.entry("/admin/outbox", Set.of(Roles.ADMIN)),
            Map.entry("/admin/imports", Set.of(Roles.ADMIN)),
            Map.entry("/audit", Set.of(Roles.AUDITOR, Roles.ADMIN)),
            Map.entry("/staff/agencies", Set.copyOf(Roles.ALL)),
            Map.entry("/staff/agencies/new", Set.of(Roles.LICENSING_OFFICER)),
            Map.entry("/staff/proposals", Set.copyOf(Roles.ALL)),
            Map.entry("/staff/monitoring", Set.copyOf(Roles.ALL)),
            Map.entry("/staff/blacklist", Set.copyOf(Roles.ALL)),
            Map.entry("/staff/hotline", Set.of(Roles.HOTLINE_OPERATOR, Roles.INVESTIGATOR)),
            Map.entry("/staff/complaints", Set.of(Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR)),
            Map.entry("/staff/intake", Set.of(Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR)));

    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    @Test
    void every_role_reaches_exactly_the_pages_meant_for_it() {
        Map<String, WebClient> signedIn = new HashMap<>();
        Roles.ALL.forEach(role -> signedIn.put(role,
                new WebClient(server.getURI()).signIn(staff.userWithRole(role), StaffFixtures.PASSWORD)));
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((page, allowed) -> Roles.ALL.forEach(role -> {
            int status = signedIn.get(role).getHtml(page).statusCode();
            int expected = allowed.contains(role) ? 200 : 403;
            if (status != expected) {
                wrong.add(role + " " + page + " -> " + status + " (expected " + expected + ")");
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anonymous_browser_is_sent_to_sign_in() {
        WebClient anonymous = new WebClient(server.getURI());
        PAGES.keySet().forEach(page -> {
            HttpResponse<String> response = anonymous.getHtml(page);
            assertEquals(303, response.statusCode(), page);
            assertEquals("/login", response.headers().firstValue("Location").orElseThrow(), page);
        });
    }

    @Test
    void anonymous_api_call_gets_401_problem_json() {
        HttpResponse<String> response = new WebClient(server.getURI()).getJson("/api/v1/audit/verification");

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void forbidden_page_is_a_friendly_page_in_the_readers_language() {
        WebClient investigator = new WebClient(server.getURI())
                .signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);

        HttpResponse<String> response = investigator.getHtml("/admin/users?lang=id");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("Tidak diizinkan"), response.body());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at org."));
    }
}
