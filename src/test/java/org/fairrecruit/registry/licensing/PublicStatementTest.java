package org.fairrecruit.registry.licensing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PublicStatementTest {
    private static final String NOTE = "Informant Ramesh (phone 98410) says the owner paid the inspector.";

    @Inject EmbeddedServer server;
    @Inject Licensing licensing;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject Sql sql;

    private Agency suspended(String name) {
        Agency agency = fixtures.agency(name);
        Licence licence = fixtures.activeLicence(agency.id());
        Proposal suspension = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND", NOTE,
                "Regulation s. 12(1)", Map.of("publicReason", "PROHIBITED_FEES",
                        "publicRemarks", "Singil ng tatlong buwang sahod.", "remarksLang", "fil")));
        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), suspension.id(), suspension.version());
        return agency;
    }

    @Test
    void the_internal_note_is_never_on_the_public_page_or_in_the_public_api() {
        Agency agency = suspended("Internal Note Manpower");
        WebClient anyone = new WebClient(server.getURI());

        String page = anyone.getHtml("/agencies/" + agency.id() + "?lang=ne").body();
        String json = new WebClient(server.getURI()).send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/public/agencies/"
                + agency.id())).header("Accept", "application/json").header("Accept-Language", "id")).body();

        assertFalse(page.contains("Informant"), page);
        assertFalse(json.contains("Informant"), json);
        assertTrue(page.contains("कामदारबाट निषेधित भर्ती शुल्क लियो"), "the coded reason in the reader's language");
        assertTrue(page.contains("lang=\"fil\">Singil ng tatlong buwang sahod.</q>"), page);
        assertTrue(json.contains("\"reason\":\"Memungut biaya rekrutmen terlarang dari pekerja\""), json);
        assertTrue(json.contains("\"reasonKey\":\"decision.reason.PROHIBITED_FEES\""), json);
        assertTrue(json.contains("\"remarks\":\"Singil ng tatlong buwang sahod.\",\"remarksLang\":\"fil\""), json);
    }

    @Test
    void the_agency_is_told_the_public_statement_not_the_internal_note() {
        Agency agency = suspended("Decision Mail Manpower");

        assertEquals(0, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND body_text LIKE '%Informant%'",
                agency.email()));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND body_text LIKE ?",
                agency.email(), "%Charged workers prohibited recruitment fees%"));
    }

    @Test
    void a_decision_without_a_public_reason_is_refused() {
        Licence licence = fixtures.activeLicence(fixtures.agency("No Reason Manpower").id());

        InvalidInput refused = assertThrows(InvalidInput.class, () -> fourEyes.propose("officer-a", new ProposalDraft(
                "LICENCE", licence.id(), "SUSPEND", NOTE, "s. 12", Map.of())));

        assertTrue(refused.byField().containsKey("publicReason"));
    }
}
