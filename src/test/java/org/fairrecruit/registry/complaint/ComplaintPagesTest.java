package org.fairrecruit.registry.complaint;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hotline form without JavaScript, and the investigator's case page: refusals beside fields, audited contact. */
@MicronautTest(transactional = false)
class ComplaintPagesTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures register;
    @Inject ComplaintIntake intake;
    @Inject Sql sql;

    @Test
    void without_javascript_the_find_button_offers_agencies_and_keeps_what_was_typed() throws InterruptedException {
        long agency = register.agency("Kathmandu Fallback Overseas").id();
        WebClient operator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.HOTLINE_OPERATOR),
                StaffFixtures.PASSWORD);
        operator.getHtml("/staff/hotline");
        HttpResponse<String> found = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            found = operator.postForm("/staff/hotline", Map.of("action", "find", "agencyQuery", "Kathmandu Fallback",
                    "summary", "Took my passport."));
            if (found.body().contains("value=\"" + agency + "\"")) {
                break;
            }
            Thread.sleep(200);  // the name index follows the change feed every second
        }

        assertEquals(200, found.statusCode());
        assertTrue(found.body().contains("value=\"" + agency + "\""), found.body());
        assertTrue(found.body().contains("Took my passport."));
    }

    @Test
    void a_refused_intake_shows_each_error_beside_its_field_with_the_input_kept() {
        WebClient operator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.HOTLINE_OPERATOR),
                StaffFixtures.PASSWORD);
        operator.getHtml("/staff/hotline?lang=id");
        long before = sql.count("SELECT COUNT(*) FROM complaint");

        HttpResponse<String> refused = operator.postForm("/staff/hotline", Map.of("action", "save", "channel", "PHONE",
                "category", "PROHIBITED_FEES", "summary", "", "callerName", "Ayu Contoh", "feeType", "MEDICAL",
                "feeAmount", "12.345", "feeCurrency", "IDR", "destinationCountry", "XX"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"summary-error\""));
        assertTrue(refused.body().contains("id=\"feeAmount-error\""));
        assertTrue(refused.body().contains("id=\"destinationCountry-error\""));
        assertTrue(refused.body().contains("value=\"Ayu Contoh\""), "input kept");
        assertTrue(refused.body().contains("Kolom ini wajib diisi") || refused.body().contains("wajib"), "in the page's language");
        assertEquals(before, sql.count("SELECT COUNT(*) FROM complaint"));
    }

    @Test
    void an_investigator_works_the_case_page_and_each_contact_opening_is_audited() {
        Receipt receipt = intake.receive(new NewComplaint("operator-p", Channel.WALK_IN, Category.DOCUMENT_RETENTION,
                "Passport kept by the agency.", "en", null, "Broker Example", null, null, null, null, null, List.of(),
                List.of(), new Contact("Lani Example", "+63 900 000 0077", null, "fil")));
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR),
                StaffFixtures.PASSWORD);
        String page = investigator.getHtml("/staff/complaints/" + receipt.id()).body();
        assertFalse(page.contains("+63 900 000 0077"), "not shown until asked for");

        HttpResponse<String> refused = investigator.postForm("/staff/complaints/" + receipt.id() + "/moves",
                Map.of("to", "TRIAGED", "reason", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"reason-error\""));
        assertEquals(303, investigator.postForm("/staff/complaints/" + receipt.id() + "/moves",
                Map.of("to", "TRIAGED", "reason", "Passport case.")).statusCode());
        HttpResponse<String> contact = investigator.postForm("/staff/complaints/" + receipt.id() + "/contact", Map.of());

        assertTrue(contact.body().contains("+63 900 000 0077"));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.contact.viewed' "
                + "AND entity_id = ?", String.valueOf(receipt.id())));
        assertTrue(investigator.getHtml("/staff/complaints?reference=" + receipt.reference()).body()
                .contains(receipt.reference()));
        String auditorView = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.AUDITOR), StaffFixtures.PASSWORD)
                .getHtml("/staff/complaints/" + receipt.id()).body();
        assertFalse(auditorView.contains("/moves"), "an auditor changes nothing");
    }
}
