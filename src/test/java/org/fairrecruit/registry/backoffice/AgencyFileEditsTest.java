package org.fairrecruit.registry.backoffice;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.BranchInput;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branches, key persons, inspections and findings are corrected from the agency's file, each change audited. */
@MicronautTest(transactional = false)
class AgencyFileEditsTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject AgencyRegister register;
    @Inject Monitoring monitoring;

    private static void open(WebDriver driver, String formId) {
        driver.findElement(By.xpath("//form[@id='" + formId + "']/ancestor::details[1]/summary")).click();
    }

    private static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 768})
    void an_edited_branch_shows_its_new_values_and_its_audit_entry(int width) {
        Agency agency = register.addBranch(RegisterFixtures.OFFICER, fixtures.agency("Branch Edit Manpower " + width).id(),
                new BranchInput("Butwal office", "Traffic Chowk, Butwal", "NP", "+977 71 540000", LocalDate.of(2020, 3, 1)));
        long branchId = agency.branches().get(0).id();
        String form = "edit-branch-" + branchId;
        try (Browser browser = width == 1280 ? Browser.desktop() : Browser.phone(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.LICENSING_OFFICER));
            driver.get(server.getURI().resolve("/staff/agencies/" + agency.id()).toString());

            open(driver, form);
            assertEquals("Butwal office", value(driver, form + "-name"));
            assertEquals("2020-03-01", value(driver, form + "-openedOn"));
            driver.findElement(By.id(form + "-name")).clear();
            driver.findElement(By.id(form + "-phone")).clear();
            driver.findElement(By.id(form + "-phone")).sendKeys("call us");
            driver.findElement(By.id(form + "-address")).clear();
            driver.findElement(By.id(form + "-address")).sendKeys("Milanchowk 4, Butwal");
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));

            assertTrue(driver.findElement(By.id(form + "-name-error")).isDisplayed());
            assertEquals("Enter a phone number in digits, e.g. +977 1 4412345.",
                    driver.findElement(By.id(form + "-phone-error")).getText());
            assertEquals("Milanchowk 4, Butwal", value(driver, form + "-address"));
            assertEquals("call us", value(driver, form + "-phone"));
            assertEquals(form + "-errors", driver.switchTo().activeElement().getAttribute("id"));
            browser.screenshot("agency-file-branch-edit-errors-" + width);

            driver.findElement(By.id(form + "-name")).sendKeys("Butwal head office");
            driver.findElement(By.id(form + "-phone")).clear();
            driver.findElement(By.id(form + "-phone")).sendKeys("+977 71 541111");
            new Select(driver.findElement(By.id(form + "-country"))).selectByValue("IN");
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));

            String branches = driver.findElement(By.xpath("//h2[@id='branches']/following-sibling::ul[1]")).getText();
            assertTrue(branches.contains("Butwal head office") && branches.contains("Milanchowk 4, Butwal")
                    && branches.contains("+977 71 541111") && branches.contains("IN"), branches);
            browser.screenshot("agency-file-branch-edited-" + width);
        }
        Agency.Branch saved = register.get(agency.id()).branches().get(0);
        assertEquals(new Agency.Branch(branchId, "Butwal head office", "Milanchowk 4, Butwal", "IN", "+977 71 541111",
                LocalDate.of(2020, 3, 1), null), saved);

        try (Browser browser = width == 1280 ? Browser.desktop() : Browser.phone(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.AUDITOR));
            driver.get(server.getURI().resolve("/audit?type=agency&id=" + agency.id()).toString());
            String trail = driver.findElement(By.tagName("main")).getText();
            assertTrue(trail.contains("agency.branch-updated"), trail);
            assertTrue(trail.contains("Butwal office") && trail.contains("Butwal head office"), trail);
            browser.screenshot("audit-branch-edit-" + width);
        }
    }

    @Test
    void a_key_person_is_corrected_and_a_bad_year_and_a_bad_date_are_refused_together() {
        Agency agency = fixtures.agency("Person Edit Manpower", "Ram Bahadur Thapa");
        long personId = agency.keyPersons().get(0).id();
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("fullName", "Ram Bahadur Thapa Magar", "role", "OWNER",
                "nationality", "NP", "birthYear", "19x5", "startedOn", "2015-02-30"));

        HttpResponse<String> refused = officer.postForm("/staff/agencies/" + agency.id() + "/key-persons/" + personId, fields);

        assertEquals(400, refused.statusCode());
        String form = "edit-key-person-" + personId;
        assertTrue(refused.body().contains("id=\"" + form + "-birthYear-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"" + form + "-startedOn-error\""));
        assertTrue(refused.body().contains("value=\"Ram Bahadur Thapa Magar\""));
        assertEquals("Ram Bahadur Thapa", register.get(agency.id()).keyPersons().get(0).fullName(), "nothing saved");

        fields.put("birthYear", "1975");
        fields.put("startedOn", "2015-02-01");
        assertEquals(303, officer.postForm("/staff/agencies/" + agency.id() + "/key-persons/" + personId, fields)
                .statusCode());
        Agency.KeyPerson person = register.get(agency.id()).keyPersons().get(0);
        assertEquals("Ram Bahadur Thapa Magar", person.fullName());
        assertEquals(Agency.PersonRole.OWNER, person.role());
        assertEquals(LocalDate.of(2015, 2, 1), person.startedOn());
        assertNull(person.endedOn());
    }

    @Test
    void an_inspection_and_its_finding_are_corrected_and_a_follow_up_still_comes_after_the_visit() {
        Agency agency = fixtures.agency("Inspection Edit Manpower");
        Monitoring.Inspection inspection = monitoring.recordInspection(RegisterFixtures.OFFICER, agency.id(),
                LocalDate.of(2026, 1, 10), "Office visited.", List.of(new Monitoring.FindingInput(Monitoring.Severity.MINOR,
                        "Fee schedule not displayed.", LocalDate.of(2026, 2, 10))));
        Monitoring.Finding finding = inspection.findings().get(0);
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR),
                StaffFixtures.PASSWORD);
        String inspectionPath = "/staff/agencies/" + agency.id() + "/inspections/" + inspection.id();

        HttpResponse<String> refused = investigator.postForm(inspectionPath,
                Map.of("inspectedOn", "2026-02-15", "summary", "Office and records visited."));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("The follow-up must come after the inspection date."), refused.body());
        assertTrue(refused.body().contains("Office and records visited."));

        assertEquals(303, investigator.postForm(inspectionPath,
                Map.of("inspectedOn", "2026-01-12", "summary", "Office and records visited.")).statusCode());
        assertEquals(303, investigator.postForm("/staff/agencies/" + agency.id() + "/findings/" + finding.id(),
                Map.of("version", String.valueOf(finding.version()), "severity", "MAJOR",
                        "finding", "Fee schedule not displayed; fees above the ceiling.", "followUpOn", "2026-03-01"))
                .statusCode());

        Monitoring.Inspection now = monitoring.inspections(agency.id()).get(0);
        assertEquals(LocalDate.of(2026, 1, 12), now.inspectedOn());
        assertEquals("Office and records visited.", now.summary());
        assertEquals(Monitoring.Severity.MAJOR, now.findings().get(0).severity());
        assertEquals(LocalDate.of(2026, 3, 1), now.findings().get(0).followUpOn());
        String trail = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.AUDITOR), StaffFixtures.PASSWORD)
                .getHtml("/audit?type=agency&id=" + agency.id()).body();
        assertTrue(trail.contains("inspection.updated") && trail.contains("finding.updated"), trail);
    }

    @Test
    void an_obligation_with_no_description_and_a_due_date_that_is_no_day_is_refused_beside_both() {
        Agency agency = fixtures.agency("Obligation Form Manpower");
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);

        HttpResponse<String> refused = officer.postForm("/staff/agencies/" + agency.id() + "/obligations",
                Map.of("kind", "BOND", "description", "", "dueOn", "2026-02-30"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"obligation-description-error\""), refused.body());
        assertTrue(refused.body().contains("id=\"obligation-dueOn-error\""));
        assertTrue(refused.body().contains("value=\"2026-02-30\""));
        assertTrue(monitoring.obligations(agency.id()).isEmpty(), "nothing recorded");
    }
}
