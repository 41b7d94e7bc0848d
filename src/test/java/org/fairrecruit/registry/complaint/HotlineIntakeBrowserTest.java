package org.fairrecruit.registry.complaint;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hotline operator takes a call in Nepali with the keyboard only: Tab, typing, arrow keys and Enter. */
@MicronautTest(transactional = false)
class HotlineIntakeBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures register;
    @Inject Sql sql;

    @Test
    void an_operator_takes_a_phone_complaint_in_nepali_with_the_keyboard_only() {
        long agency = register.agency("Annapurna Keyboard Overseas").id();
        String operator = staff.userWithRole(Roles.HOTLINE_OPERATOR);
        try (Browser browser = Browser.desktop()) {
            browser.signIn(server.getURI(), operator);
            browser.driver().get(server.getURI().resolve("/staff/hotline?lang=ne").toString());
            assertEquals("channel", focused(browser).getAttribute("id"), "the first field has the focus");
            assertTrue(browser.driver().findElement(By.tagName("h1")).getText().contains("हटलाइन"));

            type(browser, Keys.TAB);                                  // channel stays "phone call", on to category
            type(browser, Keys.TAB, "मैले म्यानपावरलाई डेढ लाख रुपैयाँ तिरेँ, काम पाइनँ।");
            type(browser, Keys.TAB, "Annapurna Keyboard");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> d.findElements(By.cssSelector("#agency-candidates input[value='" + agency + "']")).size() == 1);
            type(browser, Keys.TAB, Keys.TAB);                        // past Find, onto the agency choices
            type(browser, Keys.ARROW_DOWN);                           // the first candidate
            assertEquals(String.valueOf(agency), focused(browser).getAttribute("value"));
            type(browser, Keys.TAB, Keys.TAB, "MY");                  // recruiter name left empty; destination
            type(browser, Keys.TAB, "सीता उदाहरण");
            type(browser, Keys.TAB, "+977 9800000002");
            type(browser, Keys.TAB, Keys.TAB, Keys.ARROW_DOWN, Keys.ARROW_DOWN);   // caller's language: नेपाली
            type(browser, Keys.TAB, Keys.ARROW_DOWN);                 // fee type: recruitment fee
            type(browser, Keys.TAB, "150000");
            type(browser, Keys.TAB, "NPR");
            type(browser, Keys.TAB);                                  // the date (day, month and year stops) left empty
            for (int stop = 0; stop < 4 && "feePaidOn".equals(focused(browser).getAttribute("id")); stop++) {
                type(browser, Keys.TAB);
            }
            assertEquals("save", focused(browser).getAttribute("id"));
            browser.screenshot("hotline-intake-ne");
            type(browser, Keys.ENTER);

            wait.until(d -> !d.findElements(By.id("reference")).isEmpty());
            browser.screenshot("hotline-received-ne");
            String reference = browser.driver().findElement(By.id("reference")).getText();
            assertTrue(ComplaintReference.parse(reference).isPresent(), reference);
            assertEquals("ne", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals(List.of("PHONE PROHIBITED_FEES " + agency + " MY ne " + operator), sql.list(
                    "SELECT channel, category, agency_id, destination_country, language, created_by FROM complaint "
                            + "WHERE reference = ?", rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)
                            + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6), reference));
            assertEquals(List.of("RECRUITMENT_FEE 150000.00 NPR"), sql.list("SELECT f.fee_type, f.amount, f.currency "
                    + "FROM fee_record f JOIN complaint c ON c.id = f.complaint_id WHERE c.reference = ?",
                    rs -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2) + " " + rs.getString(3), reference));
            assertEquals(1, sql.count("SELECT COUNT(*) FROM complaint_contact k JOIN complaint c ON c.id = k.complaint_id "
                    + "WHERE c.reference = ?", reference));
        }
    }

    private static WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    private static void type(Browser browser, CharSequence... keys) {
        for (CharSequence key : keys) {
            focused(browser).sendKeys(key);
        }
    }
}
