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
class StaffAccessChangesTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject IdentityService identity;
    @Inject AuditQueries audit;

    private StaffMember member(String username) {
        return identity.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private WebClient admin() {
        return new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
    }

    @Test
    void second_of_two_concurrent_edits_is_refused_instead_of_overwriting_the_first() {
        StaffMember target = member(staff.userWithRole(Roles.INVESTIGATOR));
        String seenVersion = Long.toString(target.version());

        HttpResponse<String> first = admin().postForm("/admin/users/" + target.id() + "/access",
                Map.of("version", seenVersion, "roles", Roles.LICENSING_OFFICER, "enabled", "on"));
        HttpResponse<String> second = admin().postForm("/admin/users/" + target.id() + "/access",
                Map.of("version", seenVersion, "roles", Roles.AUDITOR, "enabled", "on"));

        assertEquals(303, first.statusCode());
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("Changed in the meantime"), second.body());
        assertEquals(java.util.Set.of(Roles.LICENSING_OFFICER), member(target.username()).roles());
        assertTrue(audit.forEntity("staff_user", target.id().toString()).stream()
                .anyMatch(e -> e.action().equals("staff.access-changed") && e.afterState().contains(Roles.LICENSING_OFFICER)));
    }

    @Test
    void disabling_an_account_ends_its_open_sessions_at_once() {
        String username = staff.userWithRole(Roles.AUDITOR);
        WebClient auditor = new WebClient(server.getURI()).signIn(username, StaffFixtures.PASSWORD);
        assertEquals(200, auditor.getHtml("/audit").statusCode());
        StaffMember target = member(username);

        HttpResponse<String> disable = admin().postForm("/admin/users/" + target.id() + "/access",
                Map.of("version", Long.toString(target.version()), "roles", Roles.AUDITOR));

        assertEquals(303, disable.statusCode(), disable.body());
        assertTrue(!member(username).enabled());

        assertEquals(303, auditor.getHtml("/audit").statusCode(), "a disabled account's session no longer opens pages");
    }
}
