package org.fairrecruit.registry.licensing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application page's forms (grant, refusal, document, screening clearance) come back after a refusal with
 * everything typed, each error beside its field, all of them at once, and a summary that has the focus — in
 * English and in Nepali, on a desktop and at 768 px.
 */
@MicronautTest(transactional = false)
class ApplicationFormsBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject ApplicationReview review;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 768})
    void a_bad_date_and_a_blank_clearance_come_back_with_everything_typed_and_every_error_beside_its_field(int width) {
        String listed = width == 1280 ? "Gyanendra Bikram Rasaili" : "Hemanta Bahadur Lamichhane";
        fixtures.listedPerson(listed, "CASE-FORMS-" + width);
        Application application = fixtures.reviewedApplication(fixtures.agency("Formcheck Manpower " + width, listed).id());
        long hit = review.reviewedHits(application.id()).stream().filter(ApplicationReview.ReviewedHit::needsClearance)
                .findFirst().orElseThrow().id();
        String page = server.getURI().resolve("/staff/applications/" + application.id()).toString();
        try (Browser browser = width == 1280 ? Browser.desktop() : Browser.phone(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.LICENSING_OFFICER));
            driver.get(page + "?lang=en");
            assertTrue(driver.findElement(By.id("hit-" + hit)).getText().contains("born 1968"));

            ((JavascriptExecutor) driver).executeScript("arguments[0].type = 'text'; arguments[0].value = '2026-02-30';",
                    driver.findElement(By.id("grant-validFrom")));
            driver.findElement(By.id("grant-conditions")).sendKeys("Deployment to Qatar only.");
            browser.submit(By.id("grant"));
            assertEquals("2026-02-30", driver.findElement(By.id("grant-validFrom")).getAttribute("value"));
            assertEquals("Deployment to Qatar only.", driver.findElement(By.id("grant-conditions")).getAttribute("value"));
            assertEquals("Enter a date as YYYY-MM-DD.", driver.findElement(By.id("grant-validFrom-error")).getText());
            assertTrue(driver.findElement(By.id("screening-error")).getText().contains("not cleared"),
                    "the screening rule comes with the bad date");
            assertEquals("grant-errors", driver.switchTo().activeElement().getAttribute("id"));
            browser.screenshot("application-grant-error-" + width);

            driver.findElement(By.xpath("//form[@id='refusal-form']/ancestor::details[1]/summary")).click();
            browser.submit(By.cssSelector("#refusal-form button[type=submit]"));
            assertEquals(3, driver.findElements(By.cssSelector("#refusal-errors li")).size(),
                    "public reason, internal note and legal basis, all on one submit");

            browser.submit(By.cssSelector("#document-form button[type=submit]"));
            assertTrue(driver.findElement(By.id("document-document-error")).isDisplayed());

            driver.get(page + "?lang=ne");
            String form = "clear-" + hit;
            driver.findElement(By.xpath("//form[@id='" + form + "']/ancestor::details[1]/summary")).click();
            driver.findElement(By.id(form + "-legalBasis")).sendKeys("ऐन दफा १०");
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));
            assertEquals("ऐन दफा १०", driver.findElement(By.id(form + "-legalBasis")).getAttribute("value"));
            assertTrue(driver.findElement(By.id(form + "-clearReason-error")).getText().matches(".*[\\u0900-\\u097F].*"),
                    "the error is in Nepali");
            assertTrue(driver.findElement(By.id(form + "-reason-error")).isDisplayed());
            assertEquals(form + "-errors", driver.switchTo().activeElement().getAttribute("id"));
            browser.screenshot("application-clearance-error-ne-" + width);

            new Select(driver.findElement(By.id(form + "-clearReason"))).selectByValue("DIFFERENT_BIRTH_YEAR");
            driver.findElement(By.id(form + "-reason")).sendKeys("जन्म १९८८, सूचीमा भएको १९६८।");
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));
            assertTrue(driver.findElement(By.id("clearing-" + hit)).isDisplayed(), "the clearance waits for a supervisor");
            browser.screenshot("application-clearance-waiting-ne-" + width);
        }
    }
}
