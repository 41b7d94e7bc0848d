package org.fairrecruit.registry.intake;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worker reports from a phone with JavaScript off, in Nepali, and comes back later; the duty officer and an investigator see it. */
@MicronautTest(transactional = false)
@Property(name = "registry.mail.duty-officer", value = "duty-officer@registry.test")
class ReportBrowserTest {
    private static final String EMAIL = "sita.worker@example.test";
    private static Browser phone;
    private static Browser desk;
    private static GreenMail smtp;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject Sql sql;

    @BeforeAll
    static void open() {
        smtp = TestSmtp.start();
        phone = Browser.phoneWithoutJavaScript();
        desk = Browser.desktop();
    }

    @AfterAll
    static void close() {
        phone.close();
        desk.close();
        smtp.stop();
    }

    private String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private void type(String name, String value) {
        phone.driver().findElement(By.name(name)).sendKeys(value);
    }

    @Test
    void a_nepali_report_with_two_files_is_received_followed_up_and_queued_for_investigators() throws Exception {
        Path photo = Files.write(Files.createTempFile("receipt", ".jpg"), TestImages.jpegWithGps(400, 300));
        Path scan = Files.write(Files.createTempFile("contract", ".png"), TestImages.png(300, 400));
        phone.driver().get(server.getURI().resolve("/report?lang=ne").toString());
        assertEquals("एजेन्सी वा भर्ना गर्ने व्यक्तिको उजुरी गर्नुहोस्", text(phone, "h1"));

        new Select(phone.driver().findElement(By.name("category"))).selectByValue("PROHIBITED_FEES");
        type("description", "एजेन्टले मसँग डेढ लाख रुपैयाँ लियो र राहदानी राख्यो।");
        type("agencyName", "Himal Sapana Overseas");
        new Select(phone.driver().findElement(By.name("destinationCountry"))).selectByValue("QA");
        new Select(phone.driver().findElement(By.name("fees[0].feeType"))).selectByValue("RECRUITMENT_FEE");
        type("fees[0].amount", "150000");
        type("fees[0].currency", "NPR");
        new Select(phone.driver().findElement(By.name("fees[0].paidTo"))).selectByValue("AGENCY");
        type("contact.email", EMAIL);
        new Select(phone.driver().findElement(By.name("contact.language"))).selectByValue("ne");
        phone.driver().findElement(By.id("files")).sendKeys(photo + "\n" + scan);
        phone.driver().findElement(By.name("consent")).click();
        phone.screenshot("intake-form-ne-phone");
        phone.submit(By.id("send"));

        phone.screenshot("intake-submitted-ne-phone");
        String reference = text(phone, "#reference");
        String code = text(phone, "#code");
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), code);
        long id = sql.count("SELECT id FROM complaint WHERE reference = ?", reference);
        assertEquals(2, sql.count("SELECT COUNT(*) FROM complaint_attachment WHERE complaint_id = ?", id));

        type("lastGroup", code.substring(code.length() - 4));
        phone.submit(By.id("kept"));
        assertTrue(text(phone, "main").contains(reference));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM intake_report WHERE complaint_id = ? AND kept_confirmed_at IS NOT NULL", id));

        phone.driver().get(server.getURI().resolve("/report/status").toString());
        type("reference", reference);
        type("followUpCode", code);
        phone.submit(By.id("open"));
        assertEquals("प्राप्त भयो: एक अनुसन्धानकर्ताले चाँडै पढ्नुहुनेछ।", text(phone, "#status"));
        type("message", "एजेन्टको नाम राम हो।");
        phone.submit(By.id("add"));
        phone.screenshot("intake-status-ne-phone");
        assertTrue(text(phone, ".messages").contains("एजेन्टको नाम राम हो।"));

        desk.signIn(server.getURI(), staff.userWithRole(Roles.INVESTIGATOR));
        desk.driver().get(server.getURI().resolve("/staff/intake").toString());
        desk.screenshot("intake-staff-queue");
        desk.driver().findElement(By.linkText(reference)).click();
        desk.driver().findElement(By.name("body")).sendKeys("कृपया रसिदको फोटो पठाउनुहोस्।");
        desk.submit(By.id("write"));
        assertTrue(text(desk, ".messages").contains("कृपया रसिदको फोटो पठाउनुहोस्।"));

        List<String> expected = List.of("duty-officer@registry.test: New hotline report " + reference,
                EMAIL + ": तपाईंको उजुरी " + reference, EMAIL + ": तपाईंको उजुरी " + reference + " बारे एउटा सन्देश");
        List<String> subjects = mailsUntil(expected, Duration.ofSeconds(30));
        assertTrue(subjects.containsAll(expected), subjects.toString());
        String alert = body("duty-officer@registry.test");
        assertTrue(alert.contains("/staff/intake/" + id), alert);
        assertFalse(alert.contains("राहदानी") || alert.contains(EMAIL), alert);

        phone.driver().get(server.getURI().resolve("/report/status").toString());
        type("reference", reference);
        type("followUpCode", code);
        phone.submit(By.id("open"));
        assertTrue(text(phone, ".messages").contains("कृपया रसिदको फोटो पठाउनुहोस्।"));
    }

    /** Every mail received once all expected ones arrived (other tests' setup mails may come in between), or at the timeout. */
    private List<String> mailsUntil(List<String> expected, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        List<String> subjects = subjects();
        while (!subjects.containsAll(expected) && Instant.now().isBefore(end)) {
            Thread.sleep(200);
            subjects = subjects();
        }
        return subjects;
    }

    private List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0] + ": " + m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String body(String recipient) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
                return com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
            }
        }
        throw new AssertionError("no mail to " + recipient);
    }
}
