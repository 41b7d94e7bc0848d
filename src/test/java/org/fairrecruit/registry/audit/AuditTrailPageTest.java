package org.fairrecruit.registry.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyInput;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An investigator follows one agency through the audit trail: its licence and application included, changes readable. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailPageTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject AgencyRegister register;
    private WebClient auditor;
    private Agency agency;
    private Licence licence;

    @BeforeAll
    void anAgencyWithALicenceThatWasRenamed() {
        agency = fixtures.agency("Trailwise Audit Manpower Pvt. Ltd.");
        licence = fixtures.activeLicence(agency.id());
        Agency current = register.get(agency.id());
        register.update(RegisterFixtures.OFFICER, agency.id(), current.version(), new AgencyInput(
                "Trailwise Renamed Manpower Pvt. Ltd.", current.registrationNumber(), current.country(), current.address(),
                current.phone(), current.email(), current.website(), List.of(), List.of(), List.of(), current.destinations()));
        auditor = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.AUDITOR), StaffFixtures.PASSWORD);
    }

    @Test
    void an_agency_trail_includes_its_licence_and_application() {
        String page = auditor.getHtml("/audit?type=agency&id=" + agency.id()).body();
        assertTrue(page.contains("agency.updated"), page);
        assertTrue(page.contains("licence " + licence.id()), page);
        assertTrue(page.contains("application.filed"), page);
        assertFalse(page.contains(">staff_user "), "nothing outside the agency's trail");
    }

    @Test
    void a_change_reads_field_by_field() {
        String page = auditor.getHtml("/audit?type=agency&id=" + agency.id()).body();
        assertTrue(page.contains("<del>Trailwise Audit Manpower Pvt. Ltd.</del>"), page);
        assertTrue(page.contains("<ins>Trailwise Renamed Manpower Pvt. Ltd.</ins>"), page);
    }

    @Test
    void the_trail_pages_with_a_total() {
        String page = auditor.getHtml("/audit?type=agency&id=" + agency.id() + "&size=1&page=1").body();
        assertTrue(page.matches("(?s).*Showing 2–2 of \\d+.*"), page);
        assertTrue(page.contains("rel=\"prev\""));
    }

    @Test
    void actor_and_period_filter_the_trail() {
        String today = LocalDate.now().toString();
        String yesterday = LocalDate.now().minusDays(1).toString();
        assertTrue(auditor.getHtml("/audit?type=agency&id=" + agency.id() + "&actor=" + RegisterFixtures.OFFICER
                + "&from=" + yesterday + "&to=" + today).body().contains("application.filed"));
        assertTrue(auditor.getHtml("/audit?type=agency&id=" + agency.id() + "&to=" + yesterday).body()
                .contains("Nothing matches these filters."));
        assertTrue(auditor.getHtml("/audit?type=agency&id=" + agency.id() + "&actor=someone-else").body()
                .contains("Nothing matches these filters."));
    }

    @Test
    void a_bad_date_is_named_not_a_server_error() {
        var response = auditor.getHtml("/audit?from=30-02-2026");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("is not a date"), response.body());
    }
}
