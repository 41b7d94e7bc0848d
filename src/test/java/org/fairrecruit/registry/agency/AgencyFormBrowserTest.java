package org.fairrecruit.registry.agency;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agency form in Indonesian: a missing country and a web address without a host come back together. */
@MicronautTest(transactional = false)
class AgencyFormBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    private static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 768})
    void two_bad_fields_of_the_agency_form_show_together_in_indonesian_with_everything_kept(int width) {
        // Names far apart, so the second run is not warned about the first as a near duplicate.
        String name = width == 1280 ? "PT Jaya Abadi Tenaga Kerja" : "PT Sinar Harapan Mandiri";
        try (Browser browser = width == 1280 ? Browser.desktop() : Browser.phone(width)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.LICENSING_OFFICER));
            driver.get(server.getURI().resolve("/staff/agencies/new?lang=id").toString());

            driver.findElement(By.id("agency-legalName")).sendKeys(name);
            driver.findElement(By.id("agency-registrationNumber")).sendKeys("ID-FORM-" + width);
            driver.findElement(By.id("agency-website")).sendKeys("jaya abadi");
            driver.findElement(By.id("agency-tradeNames")).sendKeys("Jaya Abadi");
            driver.findElement(By.id("agency-destinations")).sendKeys("MY, SA");
            browser.submit(By.cssSelector("#agency button[type=submit]"));

            assertEquals("Masukkan alamat web, mis. www.example.com.",
                    driver.findElement(By.id("agency-website-error")).getText());
            assertTrue(driver.findElement(By.id("agency-country-error")).isDisplayed());
            assertEquals("agency-errors", driver.switchTo().activeElement().getAttribute("id"));
            assertEquals(name, value(driver, "agency-legalName"));
            assertEquals("ID-FORM-" + width, value(driver, "agency-registrationNumber"));
            assertEquals("jaya abadi", value(driver, "agency-website"));
            assertEquals("Jaya Abadi", value(driver, "agency-tradeNames"));
            assertEquals("MY, SA", value(driver, "agency-destinations"));
            browser.fullPageScreenshot("agency-form-errors-id-" + width);

            new Select(driver.findElement(By.id("agency-country"))).selectByValue("ID");
            driver.findElement(By.id("agency-website")).clear();
            driver.findElement(By.id("agency-website")).sendKeys("www.jaya-abadi.example");
            browser.submit(By.cssSelector("#agency button[type=submit]"));
            assertEquals(name, driver.findElement(By.tagName("h1")).getText());
        }
    }
}
