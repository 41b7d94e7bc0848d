package org.fairrecruit.registry.approval;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.GrantTerms;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four-eyes queue as its users see it: who and what a card is about, notes that reach the proposer, closure. */
@MicronautTest(transactional = false)
class ProposalsBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject FourEyes fourEyes;
    @Inject Licensing licensing;

    private Proposal suspension(String proposer, Licence licence) {
        return fourEyes.propose(proposer, new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Placement fees of three months' wages.", "Regulation s. 12(1)", Map.of("publicReason", "PROHIBITED_FEES")));
    }

    private WebElement card(WebDriver driver, Proposal proposal) {
        return driver.findElement(By.id("proposal-" + proposal.id()));
    }

    @Test
    void a_supervisor_approves_with_a_note_that_the_proposer_then_sees() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        String supervisor = staff.userWithRole(Roles.SUPERVISOR);
        Agency agency = fixtures.agency("Approved With Note Manpower");
        Licence licence = fixtures.activeLicence(agency.id());
        Proposal proposal = suspension(officer, licence);
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), supervisor);
            driver.get(server.getURI().resolve("/staff/proposals").toString());
            WebElement link = card(driver, proposal).findElement(By.cssSelector("h2 a"));
            assertEquals("Approved With Note Manpower — " + licence.licenceNumber(), link.getText());
            assertTrue(link.getAttribute("href").endsWith("/staff/agencies/" + agency.id() + "#licences"));
            assertTrue(card(driver, proposal).getText().contains("Proposed by " + officer));
            browser.screenshot("proposals-waiting-desktop");
            driver.findElement(By.id("approve-note-" + proposal.id())).sendKeys("Approved; verify the refunds by March.");
            browser.submit(By.id("approve-" + proposal.id()));
            assertTrue(driver.findElements(By.id("proposal-" + proposal.id())).isEmpty());
        }
        try (Browser browser = Browser.phone(768)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/proposals?view=mine").toString());
            String text = card(driver, proposal).getText();
            assertTrue(text.contains("Approved by " + supervisor), text);
            assertTrue(text.contains("Approved; verify the refunds by March."), text);
            browser.screenshot("proposals-mine-approved-768");
        }
    }

    @Test
    void a_proposer_withdraws_their_proposal() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Licence licence = fixtures.activeLicence(fixtures.agency("Withdrawn In Browser Manpower").id());
        Proposal proposal = suspension(officer, licence);
        try (Browser browser = Browser.phone(768)) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/proposals?view=mine").toString());
            card(driver, proposal).findElement(By.cssSelector("details summary")).click();
            driver.findElement(By.id("withdraw-note-" + proposal.id())).sendKeys("Filed against the wrong licence.");
            browser.submit(By.id("withdraw-" + proposal.id()));
            String text = card(driver, proposal).getText();
            assertTrue(text.contains("withdrawn by the proposer"), text);
            assertTrue(text.contains("Filed against the wrong licence."), text);
            assertTrue(driver.findElements(By.id("withdraw-" + proposal.id())).isEmpty());
            browser.screenshot("proposals-withdrawn-768");
        }
        assertEquals(Proposal.Status.WITHDRAWN, fourEyes.get(proposal.id()).status());
    }

    @Test
    void a_stale_refusal_is_closed_as_obsolete_and_a_suspension_can_be_proposed() {
        String officer = staff.userWithRole(Roles.LICENSING_OFFICER);
        Agency agency = fixtures.agency("Stale Refusal Browser Manpower");
        Application application = fixtures.reviewedApplication(agency.id());
        Proposal refusal = fourEyes.propose(officer, new ProposalDraft("LICENCE", application.licenceId(), "REFUSE",
                "Office could not be found.", "s. 8", Map.of("publicReason", "OTHER")));
        licensing.grant(RegisterFixtures.OFFICER, application.id(), application.version(), new GrantTerms(null, null));
        for (Browser browser : new Browser[]{Browser.desktop(), Browser.phone(768)}) {
            try (browser) {
                WebDriver driver = browser.driver();
                browser.signIn(server.getURI(), officer);
                driver.get(server.getURI().resolve("/staff/proposals?view=mine").toString());
                String text = card(driver, refusal).getText();
                assertTrue(text.contains("closed: no longer applies"), text);
                assertTrue(text.contains("No longer applies, because: Refuse is not possible for a licence that is Active."), text);
                browser.screenshot("proposals-obsolete-" + driver.manage().window().getSize().getWidth());
            }
        }
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), officer);
            driver.get(server.getURI().resolve("/staff/agencies/" + agency.id()).toString());
            String form = driver.findElement(By.cssSelector("form[id^=propose-SUSPEND]")).getAttribute("id");
            driver.findElement(By.xpath("//form[@id='" + form + "']/ancestor::details[1]/summary")).click();
            new Select(driver.findElement(By.cssSelector("#" + form + " select[name=publicReason]"))).selectByValue("OTHER");
            driver.findElement(By.cssSelector("#" + form + " textarea[name=reason]")).sendKeys("Fees charged after the grant.");
            driver.findElement(By.id(form + "-legalBasis")).sendKeys("s. 12");
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));
            assertFalse(driver.getTitle().contains("Not possible"), driver.getTitle());
            assertTrue(driver.getPageSource().contains("awaiting approval"));
            browser.fullPageScreenshot("agency-file-after-obsolete-desktop");
        }
    }
}
