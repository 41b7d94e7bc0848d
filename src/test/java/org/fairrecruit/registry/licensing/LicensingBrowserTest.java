package org.fairrecruit.registry.licensing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer registers an agency, files its application, works the checklist and grants the licence;
 * later proposes a suspension, and a supervisor approves it. The agency's file and its public page then show it.
 */
@MicronautTest(transactional = false)
class LicensingBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject Licensing licensing;

    @Test
    void officer_grants_a_licence_and_a_supervisor_approves_its_suspension() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        String supervisor = staff.userWithRole(Roles.SUPERVISOR);
        String agencyPath;
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies/new").toString());
            driver.findElement(By.id("agency-legalName")).sendKeys("Annapurna Browser Manpower Pvt. Ltd.");
            driver.findElement(By.id("agency-registrationNumber")).sendKeys("BRW-2026-001");
            new Select(driver.findElement(By.id("agency-country"))).selectByValue("NP");
            driver.findElement(By.id("agency-email")).sendKeys("office@annapurna.test");
            driver.findElement(By.id("agency-nativeNames")).sendKeys("अन्नपूर्ण ब्राउजर म्यानपावर");
            driver.findElement(By.id("agency-destinations")).sendKeys("QA, MY");
            browser.submit(By.cssSelector("#agency button[type=submit]"));
            agencyPath = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/staff/agencies/"));
            assertEquals("Annapurna Browser Manpower Pvt. Ltd.", driver.findElement(By.tagName("h1")).getText());

            browser.submit(By.xpath("//button[normalize-space()='File a licence application']"));
            assertTrue(driver.getCurrentUrl().contains("/staff/applications/"), driver.getCurrentUrl());
            browser.submit(By.id("grant"));
            assertEquals("Confirm every checklist item before granting.",
                    driver.findElement(By.id("checklist-error")).getText());
            for (String item : new String[]{"REGISTRATION_CERTIFICATE", "OFFICE_VERIFIED", "BOND_POSTED", "TAX_CLEARANCE",
                    "KEY_PERSONS_CLEARED"}) {
                browser.submit(By.id("check-" + item));
            }
            driver.findElement(By.id("grant-conditions")).sendKeys("Deployment to Qatar and Malaysia only.");
            browser.screenshot("licensing-application");
            browser.submit(By.id("grant"));

            assertTrue(driver.getCurrentUrl().endsWith(agencyPath), driver.getCurrentUrl());
            assertTrue(driver.findElement(By.cssSelector("article.licence h3")).getText().contains("Active"));
            driver.findElement(By.xpath("//summary[normalize-space()='Propose a suspension']")).click();
            new Select(driver.findElement(By.cssSelector("form[id^=propose-SUSPEND] select[name=publicReason]")))
                    .selectByValue("PROHIBITED_FEES");
            driver.findElement(By.cssSelector("form[id^=propose-SUSPEND] textarea[name=reason]"))
                    .sendKeys("Charged workers a placement fee of three months' salary.");
            driver.findElement(By.cssSelector("form[id^=propose-SUSPEND] input[name=legalBasis]"))
                    .sendKeys("Regulation s. 12(1)");
            browser.submit(By.cssSelector("form[id^=propose-SUSPEND] button[type=submit]"));
            assertTrue(driver.getPageSource().contains("awaiting approval"));
            browser.screenshot("licensing-agency-file");
        }
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), supervisor);
            driver.get(server.getURI().resolve("/staff/proposals").toString());
            assertTrue(driver.getPageSource().contains("Charged workers a placement fee"));
            browser.screenshot("licensing-proposals");
            browser.submit(By.cssSelector("button[id^=approve-]"));
            assertTrue(driver.getPageSource().contains("Nothing is waiting."));

            driver.get(server.getURI().resolve(agencyPath).toString());
            assertTrue(driver.findElement(By.cssSelector("article.licence h3")).getText().contains("Suspended"));
            assertTrue(driver.getPageSource().contains("Regulation s. 12(1)"));
        }
        try (Browser phone = Browser.phone()) {
            WebDriver driver = phone.driver();
            driver.get(server.getURI().resolve(agencyPath.replace("/staff", "")).toString());
            assertTrue(driver.getPageSource().contains("Licence suspended — do not pay any fee"), driver.getPageSource());
            assertTrue(driver.getPageSource().contains("Charged workers prohibited recruitment fees"),
                    "the status history gives the public reason");
            assertFalse(driver.getPageSource().contains("Charged workers a placement fee"), "never the internal note");
            phone.screenshot("licensing-public-agency-suspended");
        }
    }
}
