package org.fairrecruit.registry.backoffice;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form on an agency's file comes back after a refusal with everything typed still there, each error beside its
 * field and a summary that has the focus; "30 February" is refused, not turned into today.
 */
@MicronautTest(transactional = false)
class AgencyFileFormsBrowserTest {
    private static final String NO_SUCH_DAY = "2026-02-30";
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;

    private static Browser browser(int width) {
        return width == 1280 ? Browser.desktop() : Browser.phone(width);
    }

    /** Types a value a date input would not take, as a browser without date pickers sends it. */
    private static void typeRawDate(WebDriver driver, String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].type = 'text'; arguments[0].value = arguments[1];",
                input, value);
    }

    private static void open(WebDriver driver, String formId) {
        driver.findElement(By.xpath("//form[@id='" + formId + "']/ancestor::details[1]/summary")).click();
    }

    private static String focused(WebDriver driver) {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 768})
    void a_bad_date_on_each_agency_file_form_keeps_everything_typed(int width) {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Agency agency = fixtures.agency("Kept Input Manpower " + width);
        fixtures.activeLicence(agency.id());
        try (Browser browser = browser(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies/" + agency.id()).toString());

            open(driver, "branch");
            driver.findElement(By.id("branch-name")).sendKeys("Pokhara office");
            driver.findElement(By.id("branch-address")).sendKeys("Lakeside 6, Pokhara");
            new Select(driver.findElement(By.id("branch-country"))).selectByVisibleText("Nepal");
            driver.findElement(By.id("branch-phone")).sendKeys("abc");
            typeRawDate(driver, "branch-openedOn", NO_SUCH_DAY);
            browser.submit(By.cssSelector("#branch button[type=submit]"));
            assertEquals("Pokhara office", driver.findElement(By.id("branch-name")).getAttribute("value"));
            assertEquals("NP", new Select(driver.findElement(By.id("branch-country"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals(NO_SUCH_DAY, driver.findElement(By.id("branch-openedOn")).getAttribute("value"));
            assertTrue(driver.findElement(By.id("branch-openedOn-error")).isDisplayed());
            assertEquals("branch-errors", focused(driver));
            browser.screenshot("agency-file-branch-error-" + width);
            driver.findElement(By.id("branch-openedOn")).clear();
            browser.submit(By.cssSelector("#branch button[type=submit]"));
            assertEquals("Enter a phone number in digits, e.g. +977 1 4412345.",
                    driver.findElement(By.id("branch-phone-error")).getText());
            driver.findElement(By.id("branch-phone")).clear();
            driver.findElement(By.id("branch-phone")).sendKeys("+977 61 465000");
            browser.submit(By.cssSelector("#branch button[type=submit]"));
            assertTrue(driver.findElement(By.id("branches")).isDisplayed());
            assertTrue(driver.getPageSource().contains("Lakeside 6, Pokhara"));

            open(driver, "key-person");
            driver.findElement(By.id("key-person-fullName")).sendKeys("Sita Gurung");
            new Select(driver.findElement(By.id("key-person-role"))).selectByValue("DIRECTOR");
            new Select(driver.findElement(By.id("key-person-nationality"))).selectByValue("NP");
            driver.findElement(By.id("key-person-birthYear")).sendKeys("19x5");
            typeRawDate(driver, "key-person-startedOn", NO_SUCH_DAY);
            browser.submit(By.cssSelector("#key-person button[type=submit]"));
            assertEquals("Sita Gurung", driver.findElement(By.id("key-person-fullName")).getAttribute("value"));
            assertEquals("19x5", driver.findElement(By.id("key-person-birthYear")).getAttribute("value"));
            assertTrue(driver.findElement(By.id("key-person-birthYear-error")).isDisplayed());
            assertTrue(driver.findElement(By.id("key-person-startedOn-error")).isDisplayed());
            assertEquals(2, driver.findElements(By.cssSelector("#key-person-errors li")).size());
            assertEquals("key-person-errors", focused(driver));
            browser.screenshot("agency-file-key-person-error-" + width);

            open(driver, "inspection");
            typeRawDate(driver, "inspection-inspectedOn", "2026-01-20");
            driver.findElement(By.id("inspection-summary")).sendKeys("Office visited; fee receipts inspected.");
            new Select(driver.findElement(By.id("inspection-severity"))).selectByValue("MAJOR");
            driver.findElement(By.id("inspection-finding")).sendKeys("Placement fees charged to workers.");
            typeRawDate(driver, "inspection-followUpOn", "2026-01-10");
            browser.submit(By.cssSelector("#inspection button[type=submit]"));
            assertEquals("The follow-up must come after the inspection date.",
                    driver.findElement(By.id("inspection-followUpOn-error")).getText());
            assertEquals("Placement fees charged to workers.", driver.findElement(By.id("inspection-finding")).getAttribute("value"));
            typeRawDate(driver, "inspection-inspectedOn", NO_SUCH_DAY);
            browser.submit(By.cssSelector("#inspection button[type=submit]"));
            assertTrue(driver.findElement(By.id("inspection-inspectedOn-error")).isDisplayed());
            assertEquals("Office visited; fee receipts inspected.", driver.findElement(By.id("inspection-summary")).getAttribute("value"));
            browser.screenshot("agency-file-inspection-error-" + width);

            String suspend = driver.findElement(By.cssSelector("form[id^=propose-SUSPEND]")).getAttribute("id");
            open(driver, suspend);
            new Select(driver.findElement(By.cssSelector("#" + suspend + " select[name=publicReason]"))).selectByValue("PROHIBITED_FEES");
            driver.findElement(By.cssSelector("#" + suspend + " textarea[name=reason]")).sendKeys("Three months' wages taken as fees.");
            driver.findElement(By.id(suspend + "-legalBasis")).sendKeys("Regulation s. 12(1)");
            typeRawDate(driver, suspend + "-suspendedUntil", NO_SUCH_DAY);
            browser.submit(By.cssSelector("#" + suspend + " button[type=submit]"));
            assertTrue(driver.findElement(By.id(suspend + "-suspendedUntil-error")).isDisplayed());
            assertEquals("Three months' wages taken as fees.",
                    driver.findElement(By.cssSelector("#" + suspend + " textarea[name=reason]")).getAttribute("value"));
            assertEquals("PROHIBITED_FEES", new Select(driver.findElement(By.cssSelector("#" + suspend + " select[name=publicReason]")))
                    .getFirstSelectedOption().getAttribute("value"));
            assertEquals("Regulation s. 12(1)", driver.findElement(By.id(suspend + "-legalBasis")).getAttribute("value"));
            assertEquals(suspend + "-errors", focused(driver));
            browser.screenshot("agency-file-suspension-error-" + width);
        }
    }
}
