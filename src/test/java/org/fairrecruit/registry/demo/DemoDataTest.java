package org.fairrecruit.registry.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.audit.AuditVerifier;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class DemoDataTest {
    @Inject JdbcOperations jdbc;
    @Inject TransactionOperations<Connection> tx;
    @Inject EmbeddedServer server;
    @Inject AuditVerifier verifier;

    private List<String> column(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }));
    }

    @Test
    void embedded_demo_has_a_licence_in_every_status_and_both_kinds_of_blacklist_entry() {
        assertEquals(List.of("ACTIVE", "EXPIRED", "PENDING", "REFUSED", "REVOKED", "SURRENDERED", "SUSPENDED"),
                column("SELECT DISTINCT status FROM licence ORDER BY status"));
        assertEquals(List.of("AGENCY", "PERSON"), column("SELECT DISTINCT subject_type FROM blacklist_entry ORDER BY 1"));
        assertTrue(column("SELECT name FROM agency_name WHERE kind = 'NATIVE'").stream()
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI)));
        assertTrue(column("SELECT name FROM agency_name WHERE kind IN ('ALIAS','TRADE')").size() >= 3);
        assertTrue(column("SELECT reference FROM complaint").size() >= 3);
        assertTrue(verifier.verify().intact());
    }

    @Test
    void a_fresh_start_shows_on_the_change_feed_and_in_the_audit_trail_how_each_demo_agency_came_to_be() {
        List<String> agencies = column("SELECT id FROM agency ORDER BY id");
        assertEquals(8, agencies.size());
        assertEquals(agencies, column("SELECT DISTINCT entity_id FROM change_feed WHERE entity_kind = 'AGENCY' ORDER BY entity_id"));
        assertEquals(agencies, column("SELECT entity_id FROM audit_entry WHERE action = 'agency.registered' "
                + "AND actor = 'licensing-officer' ORDER BY CAST(entity_id AS UNSIGNED)"));
        assertEquals(List.of("Sunrise Placement"), column("SELECT name FROM agency_name WHERE kind = 'FORMER'"));

        HttpResponse<String> atom = new WebClient(server.getURI()).getHtml("/opendata/changes.atom");
        assertEquals(200, atom.statusCode());
        for (String id : agencies) {
            assertTrue(atom.body().contains("/agencies/" + id + "<") || atom.body().contains("/agencies/" + id + "\""),
                    "no Atom entry for agency " + id);
        }
    }

    @Test
    void the_demo_listings_and_licence_decisions_were_made_by_the_officer_the_supervisor_and_the_schedule() {
        List<String> listings = column("SELECT id FROM blacklist_entry ORDER BY id");
        assertEquals(List.of("1", "2", "3", "4"), listings);
        assertEquals(listings, column("SELECT DISTINCT entity_id FROM change_feed WHERE entity_kind = 'BLACKLIST_ENTRY' "
                + "ORDER BY entity_id"));
        assertEquals(List.of("BLACKLIST_ENTRY licensing-officer supervisor", "COMPLAINT_OUTCOME investigator supervisor",
                        "LICENCE licensing-officer supervisor"),
                column("SELECT DISTINCT CONCAT(subject_kind, ' ', proposed_by, ' ', decided_by) FROM proposal "
                        + "WHERE status = 'APPROVED' ORDER BY 1"));
        assertEquals(List.of("REFUSED"), column("SELECT c.to_status FROM licence_status_change c JOIN licence l "
                + "ON l.id = c.licence_id WHERE l.agency_id = 7 AND c.proposal_id IS NOT NULL"));
        assertEquals(List.of("2 SUSPENDED licensing-officer supervisor", "3 REVOKED licensing-officer supervisor"), column(
                "SELECT CONCAT(c.licence_id, ' ', c.to_status, ' ', p.proposed_by, ' ', c.actor) FROM licence_status_change c "
                        + "JOIN proposal p ON p.id = c.proposal_id WHERE c.licence_id IN (2, 3) ORDER BY c.licence_id"));
        assertEquals(List.of("4 EXPIRED system", "5 SURRENDERED licensing-officer"), column("SELECT CONCAT(licence_id, ' ', "
                + "to_status, ' ', actor) FROM licence_status_change WHERE licence_id IN (4, 5) AND from_status = 'ACTIVE' "
                + "ORDER BY licence_id"));
        assertEquals(List.of("OPEN"), column("SELECT x.status FROM licence_application x JOIN licence l ON l.id = x.licence_id "
                + "WHERE l.agency_id = 6"));
        assertEquals(List.of("RESOLVED SUBSTANTIATED", "RESOLVED SUBSTANTIATED", "UNDER_INVESTIGATION -",
                "RESOLVED UNSUBSTANTIATED"), column("SELECT CONCAT(status, ' ', COALESCE(outcome, '-')) FROM complaint ORDER BY id"));
        assertEquals(List.of("inspection.recorded", "obligation.added", "obligation.added"), column(
                "SELECT action FROM audit_entry WHERE action IN ('inspection.recorded', 'obligation.added') ORDER BY id"));
    }

    @Test
    void every_demo_role_can_sign_in_with_the_demo_password() {
        for (String role : Roles.ALL) {
            String username = role.toLowerCase(Locale.ROOT).replace('_', '-');
            new WebClient(server.getURI()).signIn(username, DemoData.PASSWORD);
        }
    }
}
