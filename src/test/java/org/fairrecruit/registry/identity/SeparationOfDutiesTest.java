package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SeparationOfDutiesTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject IdentityService identity;
    @Inject FourEyes fourEyes;

    private StaffMember member(String username) {
        return identity.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void an_admin_cannot_give_itself_the_supervisor_role() {
        String admin = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI()).signIn(admin, StaffFixtures.PASSWORD);
        StaffMember self = member(admin);

        HttpResponse<String> response = web.postForm("/admin/users/" + self.id() + "/access", Map.of(
                "version", Long.toString(self.version()), "roles", Roles.SUPERVISOR, "enabled", "on"));

        assertEquals(403, response.statusCode());
        assertEquals(Set.of(Roles.ADMIN), member(admin).roles());
    }

    @Test
    void an_admin_cannot_disable_itself() {
        String admin = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI()).signIn(admin, StaffFixtures.PASSWORD);
        StaffMember self = member(admin);

        HttpResponse<String> response = web.postForm("/admin/users/" + self.id() + "/access", Map.of(
                "version", Long.toString(self.version()), "roles", Roles.ADMIN));

        assertEquals(403, response.statusCode());
        assertTrue(member(admin).enabled());
    }

    @Test
    void a_new_supervisor_account_waits_for_an_existing_supervisors_approval() {
        staff.userWithRole(Roles.SUPERVISOR);
        String admin = staff.userWithRole(Roles.ADMIN);
        WebClient web = new WebClient(server.getURI()).signIn(admin, StaffFixtures.PASSWORD);

        HttpResponse<String> created = web.postForm("/admin/users", Map.of("username", "planted-supervisor",
                "displayName", "Planted", "email", "planted@registry.test", "password", "long enough password",
                "roles", Roles.SUPERVISOR));

        assertEquals(303, created.statusCode(), created.body());
        StaffMember planted = member("planted-supervisor");
        assertFalse(planted.roles().contains(Roles.SUPERVISOR));
        Proposal grant = fourEyes.forSubject("STAFF_ACCESS", planted.id()).get(0);
        assertTrue(grant.open());
        assertEquals(admin, grant.proposedBy());
    }

    @Test
    void granting_supervisor_takes_effect_only_when_another_supervisor_approves() {
        String approver = staff.userWithRole(Roles.SUPERVISOR);
        String admin = staff.userWithRole(Roles.ADMIN);
        StaffMember target = member(staff.userWithRole(Roles.INVESTIGATOR));
        WebClient web = new WebClient(server.getURI()).signIn(admin, StaffFixtures.PASSWORD);

        HttpResponse<String> change = web.postForm("/admin/users/" + target.id() + "/access", Map.of(
                "version", Long.toString(target.version()), "roles", Roles.SUPERVISOR, "enabled", "on"));

        assertEquals(303, change.statusCode());
        assertEquals("/staff/proposals", change.headers().firstValue("Location").orElseThrow());
        assertEquals(Set.of(Roles.INVESTIGATOR), member(target.username()).roles());
        Proposal grant = fourEyes.forSubject("STAFF_ACCESS", target.id()).get(0);
        WebClient supervisor = new WebClient(server.getURI()).signIn(approver, StaffFixtures.PASSWORD);
        assertEquals(303, supervisor.postForm("/staff/proposals/" + grant.id() + "/approval",
                Map.of("version", Long.toString(grant.version()))).statusCode());
        assertEquals(Set.of(Roles.SUPERVISOR), member(target.username()).roles());
    }

    @Test
    void an_admin_who_is_also_supervisor_approves_nothing() {
        String proposer = staff.userWithRole(Roles.ADMIN);
        StaffMember target = member(staff.userWithRole(Roles.AUDITOR));
        identity.changeAccess(proposer, target.id(), target.version(), Set.of(Roles.SUPERVISOR), true);
        Proposal grant = fourEyes.forSubject("STAFF_ACCESS", target.id()).get(0);
        String both = staff.userWithRole(Roles.SUPERVISOR);
        StaffMember bothMember = member(both);
        identity.changeAccess(proposer, bothMember.id(), bothMember.version(), Set.of(Roles.SUPERVISOR, Roles.ADMIN), true);
        WebClient web = new WebClient(server.getURI()).signIn(both, StaffFixtures.PASSWORD);

        HttpResponse<String> approval = web.postForm("/staff/proposals/" + grant.id() + "/approval",
                Map.of("version", Long.toString(grant.version())));

        assertEquals(403, approval.statusCode());
        assertTrue(fourEyes.get(grant.id()).open());
    }
}
