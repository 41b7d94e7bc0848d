package org.fairrecruit.registry.agency;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register as an officer works it in Chromium, on a desktop and at 768 px: more agencies than
 * fit a page, filtered and paged with the filters kept; found by licence number, by one word of a
 * name and by a key person; and the checklist's link buttons visible and focusable.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffListsBrowserTest {
    private static final int MALDIVIAN = 25;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject AgencyRegister register;
    @Inject Licensing licensing;
    @Inject RegistryNameIndex index;
    private String officer;
    private Licence licence;
    private Application application;

    @BeforeAll
    void registerMoreAgenciesThanAPageHolds() {
        officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        for (int i = 1; i <= MALDIVIAN; i++) {
            register.register(RegisterFixtures.OFFICER, new AgencyInput(String.format("Zanzibarite %02d Overseas Pvt. Ltd.", i),
                    "MV-LIST-" + i, "MV", "Male " + i, null, null, null, List.of(), List.of(), List.of(), List.of()));
        }
        Agency licensed = fixtures.agency("Himalchuli Golden Staffing Pvt. Ltd.", "Bhupendra Kattel");
        licence = fixtures.activeLicence(licensed.id());
        application = fixtures.reviewedApplication(fixtures.agency("Checklist Browser Manpower Pvt. Ltd.").id());
        index.followChanges();
    }

    @Test
    void the_register_pages_and_filters_with_the_filters_kept_in_the_url() {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies").toString());
            assertTrue(driver.findElements(By.cssSelector("nav.pager a[rel=next]")).size() == 1, "the whole register has a next page");

            new Select(driver.findElement(By.id("country"))).selectByValue("MV");
            browser.submit(By.cssSelector("form.list-filters button[type=submit]"));
            assertEquals("Showing 1–20 of 25", status(driver));
            assertEquals(20, rows(driver).size());
            assertEquals("Zanzibarite 01 Overseas Pvt. Ltd.", rows(driver).get(0));
            browser.screenshot("staff-register-filtered");

            driver.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
            assertTrue(driver.getCurrentUrl().contains("country=MV"), driver.getCurrentUrl());
            assertEquals("Showing 21–25 of 25", status(driver));
            assertEquals("Zanzibarite 25 Overseas Pvt. Ltd.", rows(driver).get(4));
            assertEquals("MV", new Select(driver.findElement(By.id("country"))).getFirstSelectedOption().getAttribute("value"));

            driver.findElement(By.cssSelector("th[aria-sort] a, th a[href*='sort=name']")).click();
            assertTrue(driver.getCurrentUrl().contains("country=MV") && driver.getCurrentUrl().contains("dir=desc"),
                    driver.getCurrentUrl());
            assertEquals("Zanzibarite 25 Overseas Pvt. Ltd.", rows(driver).get(0));
            assertEquals("descending", driver.findElement(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort"));
        }
        try (Browser tablet = Browser.phone(768)) {
            WebDriver driver = tablet.driver();
            tablet.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies?country=MV&page=1").toString());
            assertEquals("Showing 21–25 of 25", status(driver));
            tablet.fullPageScreenshot("staff-register-768");
        }
    }

    @Test
    void the_register_finds_by_licence_number_one_word_and_key_person() {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies").toString());
            search(browser, licence.licenceNumber().toLowerCase().replace("-", " "));
            assertEquals("Himalchuli Golden Staffing Pvt. Ltd.", rows(driver).get(0));

            search(browser, "Zanzibarite");
            assertEquals("Showing 1–20 of 25", status(driver));

            search(browser, "Himalchuli");
            assertEquals(List.of("Himalchuli Golden Staffing Pvt. Ltd."), rows(driver));

            search(browser, "Bhupendra Katel");
            assertEquals("Himalchuli Golden Staffing Pvt. Ltd.", rows(driver).get(0));
            browser.screenshot("staff-register-key-person");

            search(browser, "LIST-1");
            assertTrue(rows(driver).contains("Zanzibarite 01 Overseas Pvt. Ltd."), rows(driver).toString());
        }
    }

    @Test
    void checklist_buttons_are_visible_and_their_focus_ring_surrounds_the_text() {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/applications/" + application.id()).toString());
            Results results = new AxeBuilder().withRules(List.of("color-contrast")).include(List.of("button.link"))
                    .analyze(browser.driver());
            assertEquals(List.of(), results.getViolations().stream().map(Rule::getId).toList());
            assertTrue(results.getPasses().stream().anyMatch(rule -> rule.getId().equals("color-contrast")),
                    "axe measured the buttons' contrast");
            WebElement undo = driver.findElement(By.cssSelector("button.link[id^=check-]"));
            String color = browser.driver().executeScript("return getComputedStyle(arguments[0]).color", undo).toString();
            assertNotEquals("rgb(255, 255, 255)", color);
            browser.driver().executeScript("arguments[0].focus()", undo);
            String outline = browser.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", undo).toString();
            assertEquals("solid", outline);
            Number width = (Number) browser.driver().executeScript("return arguments[0].getBoundingClientRect().width", undo);
            Number textWidth = (Number) browser.driver().executeScript("""
                    const range = document.createRange(); range.selectNodeContents(arguments[0]);
                    return range.getBoundingClientRect().width""", undo);
            assertTrue(width.doubleValue() >= textWidth.doubleValue() && textWidth.doubleValue() > 0,
                    "the ring (" + width + " px) surrounds the text (" + textWidth + " px)");
            browser.screenshot("staff-checklist-focus");
        }
        try (Browser tablet = Browser.phone(768)) {
            tablet.signIn(server.getURI(), officer);
            tablet.driver().get(server.getURI().resolve("/staff/applications/" + application.id()).toString());
            Results results = new AxeBuilder().withRules(List.of("color-contrast")).analyze(tablet.driver());
            assertEquals(List.of(), results.getViolations().stream().map(Rule::getId).toList());
            tablet.fullPageScreenshot("staff-checklist-768");
        }
    }

    @Test
    void every_staff_list_page_passes_axe_on_a_desktop_and_at_768_px() {
        Map<String, List<String>> pagesByRole = Map.of(
                Roles.LICENSING_OFFICER, List.of("/staff", "/staff/applications?status=OPEN", "/staff/blacklist?q=Bikas",
                        "/staff/agencies?q=Zanzibarite&page=1"),
                Roles.SUPERVISOR, List.of("/staff"),
                Roles.AUDITOR, List.of("/audit?type=agency&id=" + application.licenceId(), "/audit?size=5&page=2"),
                Roles.ADMIN, List.of("/admin/outbox"));
        for (Map.Entry<String, List<String>> role : pagesByRole.entrySet()) {
            String user = staff.userWithRole(role.getKey());
            for (Browser browser : List.of(Browser.desktop(), Browser.phone(768))) {
                try (browser) {
                    browser.signIn(server.getURI(), user);
                    for (String path : role.getValue()) {
                        browser.driver().get(server.getURI().resolve(path).toString());
                        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21aa"))
                                .analyze(browser.driver());
                        List<String> serious = results.getViolations().stream()
                                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                                .map(Rule::getId).toList();
                        assertEquals(List.of(), serious, path + " as " + role.getKey());
                        browser.fullPageScreenshot("staff-list-" + role.getKey().toLowerCase() + "-"
                                + path.replaceAll("[^a-z0-9]+", "-") + "-" + browser.driver().manage().window().getSize().width);
                    }
                }
            }
        }
    }

    private static void search(Browser browser, String query) {
        WebElement q = browser.driver().findElement(By.id("q"));
        q.clear();
        q.sendKeys(query);
        browser.submit(By.cssSelector("form.list-filters button[type=submit]"));
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.cssSelector(".list-summary [role=status]")).getText();
    }

    private static List<String> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
    }
}
