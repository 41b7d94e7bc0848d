package org.fairrecruit.registry.agency;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two officers editing one agency: the second save is refused with a conflict, nothing is silently lost. */
@MicronautTest(transactional = false)
class AgencyEditConflictTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject AgencyRegister register;

    @Test
    void the_second_of_two_concurrent_edits_gets_a_conflict_and_keeps_its_input() {
        Agency agency = fixtures.agency("Two Editors Manpower");
        WebClient first = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER), StaffFixtures.PASSWORD);
        WebClient second = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER), StaffFixtures.PASSWORD);
        first.getHtml("/staff/agencies/" + agency.id() + "/edit");
        second.getHtml("/staff/agencies/" + agency.id() + "/edit");

        HttpResponse<String> saved = first.postForm("/staff/agencies/" + agency.id(),
                form(agency, "Two Editors Manpower Services"));
        HttpResponse<String> refused = second.postForm("/staff/agencies/" + agency.id(),
                form(agency, "Two Editors Overseas"));

        assertEquals(303, saved.statusCode());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("Someone else changed this agency"), refused.body());
        assertTrue(refused.body().contains("value=\"Two Editors Overseas\""), "the second officer's input is kept");
        Agency now = register.get(agency.id());
        assertEquals("Two Editors Manpower Services", now.legalName());
        assertEquals(java.util.List.of("Two Editors Manpower"), now.namesOf(Agency.NameKind.FORMER));
    }

    @Test
    void a_bad_field_is_named_beside_the_field_and_the_input_kept() {
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER), StaffFixtures.PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legalName", "Half Filled Manpower");
        fields.put("registrationNumber", "");
        fields.put("country", "Nepal");
        fields.put("email", "not-an-address");

        HttpResponse<String> refused = officer.postForm("/staff/agencies", fields);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"agency-country-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"agency-registrationNumber-error\""));
        assertTrue(refused.body().contains("id=\"agency-email-error\""));
        assertTrue(refused.body().contains("value=\"Half Filled Manpower\""));
    }

    @Test
    void a_taken_registration_number_is_named_on_the_same_submit_as_a_bad_phone_in_nepali() {
        Agency existing = fixtures.agency("Registration Holder Manpower");
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER), StaffFixtures.PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legalName", "Second Claimant Overseas");
        fields.put("registrationNumber", existing.registrationNumber());
        fields.put("country", "NP");
        fields.put("phone", "abc");
        fields.put("destinations", "QA, MY");

        HttpResponse<String> refused = officer.postForm("/staff/agencies?lang=ne", fields);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"agency-registrationNumber-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"agency-phone-error\""));
        assertTrue(refused.body().contains("अर्को एजेन्सीसँग यो दर्ता नम्बर छ।"), "the rule in the reader's language");
        assertTrue(refused.body().contains("value=\"Second Claimant Overseas\"") && refused.body().contains("value=\"QA, MY\""));
        assertTrue(refused.body().contains("<option value=\"NP\" selected=\"selected\">नेपाल</option>"), refused.body());
    }

    private static Map<String, String> form(Agency agency, String legalName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", String.valueOf(agency.version()));
        fields.put("legalName", legalName);
        fields.put("registrationNumber", agency.registrationNumber());
        fields.put("country", agency.country());
        fields.put("address", agency.address());
        fields.put("email", agency.email());
        fields.put("destinations", String.join(", ", agency.destinations()));
        return fields;
    }
}
