package org.fairrecruit.registry.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public portal in Chromium at a phone's size, as a worker would use it, with JavaScript doing nothing. */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
@Property(name = "registry.public-base-url", value = "https://registry.example")
@Property(name = "registry.hotline.phone", value = "+63 2 1234 5678")
class PortalBrowserTest {
    private static Browser phone;
    private static Browser desktop;
    @Inject EmbeddedServer server;

    @BeforeAll
    static void openBrowsers() {
        phone = Browser.phone();
        desktop = Browser.desktop();
    }

    @AfterAll
    static void closeBrowsers() {
        phone.close();
        desktop.close();
    }

    private void open(Browser browser, String path) {
        browser.driver().get(server.getURI().resolve(path).toString());
    }

    private void search(String query) {
        open(phone, "/?lang=en");
        WebElement box = phone.driver().findElement(By.id("q"));
        box.sendKeys(query);
        box.submit();
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search"));
    }

    private String text(String css) {
        return phone.driver().findElement(By.cssSelector(css)).getText();
    }

    @Test
    void misspelled_name_leads_to_the_agency_its_certificate_and_the_verify_page() throws Exception {
        search("Bluewatter Demo Manpowr Services");
        phone.screenshot("portal-search-phone");
        assertTrue(text(".result .verdict").contains("Licensed until 12 March 2028"), text(".result .verdict"));

        phone.driver().findElement(By.cssSelector(".result h3 a")).click();
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/agencies/1"));
        assertEquals("Bluewater Demo Manpower Services Inc.", text("h1"));
        assertEquals("Licensed until 12 March 2028", text("main .verdict"));
        phone.screenshot("portal-agency-phone");

        String pdfUrl = phone.driver().findElement(By.cssSelector("a.button")).getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(pdfUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String code;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String url = DocumentText.qrCode(document);
            assertTrue(url.startsWith("https://registry.example/verify/"), url);
            assertTrue(DocumentText.of(document).contains("Licensed until 12 March 2028"));
            code = url.substring(url.lastIndexOf('/') + 1);
        }

        open(phone, "/verify/" + code + "?lang=en");
        assertTrue(text("main .verdict.good").contains("Genuine certificate"), text("main"));
        assertTrue(text("main").contains("The registry says now"));
        phone.screenshot("portal-verify-phone");
    }

    @Test
    void a_blacklisted_person_is_found_and_marked() {
        search("Ramesh Thapa");

        assertTrue(text(".result h3").contains("Ramesh Example Thapa"));
        assertEquals("Blacklisted — do not pay or deal with them", text(".result .verdict"));
        phone.driver().findElement(By.cssSelector(".result h3 a")).click();
        assertTrue(text("main").contains("रमेश उदाहरण थापा"), text("main"));
        phone.screenshot("portal-blacklist-phone");
    }

    @Test
    void an_unknown_name_gets_the_no_match_banner_and_the_report_form_with_that_name() {
        search("Zyxwv Qwerty Holdings");

        assertEquals("No licensed agency found with this name — do not pay; report it", text(".no-match .verdict"));
        phone.screenshot("portal-no-match-phone");
        phone.driver().findElement(By.cssSelector(".no-match a")).click();
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/report"));
        assertEquals("Zyxwv Qwerty Holdings", phone.driver().findElement(By.id("agencyName")).getAttribute("value"));
    }

    @ParameterizedTest
    @CsvSource({
            "en, Licensed until 12 March 2028, Licence suspended — do not pay any fee",
            "fil, Lisensyado hanggang 12 Marso 2028, Suspendido ang lisensya — huwag magbayad ng anumang bayad",
            "ne, 12 मार्च 2028 सम्म इजाजतपत्र मान्य छ, इजाजतपत्र निलम्बित — कुनै शुल्क नतिर्नुहोस्",
            "id, Berizin sampai 12 Maret 2028, Izin dibekukan — jangan bayar biaya apa pun"})
    void agency_pages_speak_the_chosen_language(String lang, String licensed, String suspended) {
        open(phone, "/agencies/1?lang=" + lang);
        assertEquals(lang, phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(licensed, text("main .verdict"));
        phone.screenshot("portal-agency-" + lang + "-phone");

        open(desktop, "/agencies/2?lang=" + lang);
        assertEquals(suspended, desktop.driver().findElement(By.cssSelector("main .verdict")).getText());
        desktop.screenshot("portal-agency-suspended-" + lang + "-desktop");

        open(desktop, "/search?q=Himalaya+Overseas&lang=" + lang);
        desktop.screenshot("portal-search-" + lang + "-desktop");
    }

    /** The page and everything it loaded (style sheet, fonts, images), once its fonts are in. */
    private static final String PAGE_WEIGHT = """
            const done = arguments[arguments.length - 1];
            document.fonts.ready.then(() => {
              let total = performance.getEntriesByType('navigation')[0].encodedBodySize;
              performance.getEntriesByType('resource').forEach(r => total += r.encodedBodySize);
              done(total);
            });""";

    @Test
    void public_pages_have_no_serious_accessibility_findings_and_stay_under_100_kb() {
        List<String> pages = List.of("/?lang=en", "/search?q=Bluewater+Jobs", "/search?q=Zyxwv", "/agencies/2",
                "/agencies/3?lang=ne", "/blacklist", "/contact?lang=fil", "/verify/not-a-code?lang=id");
        for (String page : pages) {
            open(phone, page);
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                    .analyze(phone.driver());
            List<String> serious = results.getViolations().stream()
                    .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                    .map(Rule::getId).toList();
            assertEquals(List.of(), serious, page);
            long bytes = ((Number) phone.driver().executeAsyncScript(PAGE_WEIGHT)).longValue();
            assertTrue(bytes < 100_000, page + " weighs " + bytes + " bytes with its style sheet and fonts");
        }
    }
}
