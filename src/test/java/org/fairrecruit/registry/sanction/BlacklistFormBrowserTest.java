package org.fairrecruit.registry.sanction;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
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
 * The listing form refuses everything wrong with one submit at once, in the reader's language: a number and a date it
 * cannot read and the missing legal basis the four-eyes rule asks for, each beside its field, with every value kept.
 */
@MicronautTest(transactional = false)
class BlacklistFormBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    private static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 768})
    void every_refusal_of_one_listing_submit_shows_at_once_in_filipino_with_everything_kept(int width) {
        try (Browser browser = width == 1280 ? Browser.desktop() : Browser.phone(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.INVESTIGATOR));
            driver.get(server.getURI().resolve("/staff/blacklist?lang=fil").toString());

            driver.findElement(By.id("listing-name")).sendKeys("Joko Contoh Widodo " + width);
            driver.findElement(By.id("listing-aliases")).sendKeys("Joko C. Widodo");
            new Select(driver.findElement(By.id("listing-nationality"))).selectByValue("ID");
            driver.findElement(By.id("listing-birthYear")).sendKeys("19x0");
            driver.findElement(By.id("listing-idDocument")).sendKeys("B1234567");
            new Select(driver.findElement(By.id("listing-reasonCategory"))).selectByValue("FRAUD");
            driver.findElement(By.id("listing-caseReference")).sendKeys("CASE-2026-0042");
            ((JavascriptExecutor) driver).executeScript("arguments[0].type = 'text'; arguments[0].value = '2026-02-30';",
                    driver.findElement(By.id("listing-listedOn")));
            driver.findElement(By.id("listing-reason")).sendKeys("Collected fees for jobs in Taiwan that did not exist.");
            browser.submit(By.cssSelector("#listing button[type=submit]"));

            assertEquals("Maglagay ng buong numero.", driver.findElement(By.id("listing-birthYear-error")).getText());
            assertEquals("Ilagay ang petsa bilang YYYY-MM-DD.", driver.findElement(By.id("listing-listedOn-error")).getText());
            assertEquals("Kailangan ang field na ito.", driver.findElement(By.id("listing-legalBasis-error")).getText());
            assertEquals(3, driver.findElements(By.cssSelector("#listing-errors li")).size());
            assertEquals("listing-errors", driver.switchTo().activeElement().getAttribute("id"));
            assertEquals("Joko Contoh Widodo " + width, value(driver, "listing-name"));
            assertEquals("Joko C. Widodo", value(driver, "listing-aliases"));
            assertEquals("ID", new Select(driver.findElement(By.id("listing-nationality"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals("19x0", value(driver, "listing-birthYear"));
            assertEquals("B1234567", value(driver, "listing-idDocument"));
            assertEquals("FRAUD", new Select(driver.findElement(By.id("listing-reasonCategory"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals("CASE-2026-0042", value(driver, "listing-caseReference"));
            assertEquals("2026-02-30", value(driver, "listing-listedOn"));
            assertEquals("Collected fees for jobs in Taiwan that did not exist.", value(driver, "listing-reason"));
            browser.fullPageScreenshot("blacklist-listing-errors-fil-" + width);

            driver.findElement(By.id("listing-birthYear")).clear();
            driver.findElement(By.id("listing-birthYear")).sendKeys("1980");
            driver.findElement(By.id("listing-listedOn")).clear();
            driver.findElement(By.id("listing-listedOn")).sendKeys("2026-02-20");
            driver.findElement(By.id("listing-legalBasis")).sendKeys("Act s. 6");
            browser.submit(By.cssSelector("#listing button[type=submit]"));

            assertTrue(driver.getCurrentUrl().contains("/staff/proposals"), driver.getCurrentUrl());
            assertTrue(driver.getPageSource().contains("Joko Contoh Widodo " + width));
        }
    }
}
