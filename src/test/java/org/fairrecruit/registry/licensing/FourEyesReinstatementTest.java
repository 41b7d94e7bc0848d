package org.fairrecruit.registry.licensing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
class FourEyesReinstatementTest {
    @Inject EmbeddedServer server;
    @Inject Licensing licensing;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject StaffFixtures staff;

    private Licence suspendedByFourEyes(String name) {
        Licence licence = fixtures.activeLicence(fixtures.agency(name).id());
        Proposal suspension = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Fees charged to workers.", "s. 12", Map.of("publicReason", "OTHER")));
        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), suspension.id(), suspension.version());
        return licensing.get(licence.id());
    }

    @Test
    void one_officer_alone_cannot_lift_a_four_eyes_suspension() {
        Licence suspended = suspendedByFourEyes("Lone Officer Manpower");
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        String token = new WebClient(server.getURI()).postJson("/api/v1/staff/tokens", "{\"username\":\"" + officer
                + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}").body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> response = new WebClient(server.getURI()).send(HttpRequest.newBuilder(
                        server.getURI().resolve("/api/v1/staff/licences/" + suspended.id() + "/reinstatement"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + suspended.version()
                        + ",\"reason\":\"Paid me.\",\"legalBasis\":\"none\"}")));

        assertEquals(409, response.statusCode(), response.body());
        assertEquals(LicenceStatus.SUSPENDED, licensing.get(suspended.id()).status());
    }

    @Test
    void lifting_a_four_eyes_suspension_takes_a_proposal_and_another_supervisor() {
        Licence suspended = suspendedByFourEyes("Two Pairs Manpower");
        Proposal lifting = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", suspended.id(), "REINSTATE",
                "Fees refunded to all workers.", "s. 12(3)", Map.of("publicReason", "OTHER")));
        assertEquals(LicenceStatus.SUSPENDED, licensing.get(suspended.id()).status());

        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(
                Authentication.build("officer-a", Set.of(Roles.SUPERVISOR)), lifting.id(), lifting.version()));
        fourEyes.approve(Authentication.build("supervisor-c", Set.of(Roles.SUPERVISOR)), lifting.id(), lifting.version());

        assertEquals(LicenceStatus.ACTIVE, licensing.get(suspended.id()).status());
        StatusChange last = licensing.history(suspended.id()).get(licensing.history(suspended.id()).size() - 1);
        assertEquals(lifting.id(), last.proposalId());
    }
}
