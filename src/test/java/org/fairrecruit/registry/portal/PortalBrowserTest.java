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
        assertTrue(text("main").contains("+63 2 1234 5678"), text("main"));
        phone.driver().findElement(By.cssSelector(".no-match a[href^='/report']")).click();
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

    /** The page and everything it loaded (style sheet, fonts, images), once its fonts are in; and whether a font came. */
    private static final String PAGE_WEIGHT = """
            const done = arguments[arguments.length - 1];
            document.fonts.ready.then(() => {
              let total = performance.getEntriesByType('navigation')[0].encodedBodySize;
              let fonts = 0;
              performance.getEntriesByType('resource').forEach(r => {
                total += r.encodedBodySize;
                if (r.name.endsWith('.woff2')) fonts++;
              });
              const main = document.querySelector('main').innerText + document.querySelector('footer').innerText;
              done([total, fonts, /[\\u0900-\\u097F]/.test(main)]);
            });""";

    private static final List<String> PUBLIC_PAGES = List.of("/", "/search?q=Bluewater+Jobs", "/search?q=Bluewatr+Demo+Manpower+Services",
            "/search?q=Zyxwv", "/search?q=RA-2O24-OOO1", "/search?q=Maria+Santos", "/agencies/1", "/agencies/2", "/agencies/3",
            "/agencies/6", "/agencies/999", "/blacklist", "/contact", "/verify", "/verify?code=7KQ2", "/verify/not-a-code",
            "/opendata", "/no-such-page");

    /**
     * axe-core (WCAG 2.2 A/AA) on every public page in every language at 360 px, and what each page
     * weighs with what it loads on a first visit: at most 20 KB without Devanagari on the page (and then
     * no font), 100 KB with. The figures go to target/page-weights.txt.
     */
    @Test
    void public_pages_have_no_serious_accessibility_findings_and_stay_light() throws Exception {
        List<String> weights = new java.util.ArrayList<>();
        try (Browser small = Browser.phone(360)) {
            // Every page as a first visit: nothing from the cache, so its style sheet counts too.
            small.driver().executeCdpCommand("Network.enable", java.util.Map.of());
            small.driver().executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
            for (String lang : List.of("en", "fil", "ne", "id")) {
                for (String page : PUBLIC_PAGES) {
                    String path = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                    small.driver().get(server.getURI().resolve(path).toString());
                    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                            .analyze(small.driver());
                    List<String> serious = results.getViolations().stream()
                            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                            .map(Rule::getId).toList();
                    assertEquals(List.of(), serious, path);
                    List<?> measured = (List<?>) small.driver().executeAsyncScript(PAGE_WEIGHT);
                    long bytes = ((Number) measured.get(0)).longValue();
                    long fonts = ((Number) measured.get(1)).longValue();
                    boolean devanagari = (Boolean) measured.get(2);
                    weights.add(String.format("%-50s %6d bytes, %d font file(s)%s", path, bytes, fonts, devanagari ? ", Devanagari on the page" : ""));
                    if (!devanagari) {
                        assertEquals(0, fonts, path + " loads a web font without any Devanagari on it");
                        assertTrue(bytes <= 20_000, path + " weighs " + bytes + " bytes");
                    }
                    assertTrue(bytes <= 100_000, path + " weighs " + bytes + " bytes with its style sheet and fonts");
                }
            }
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target", "page-weights.txt"), weights);
    }

    /** The main pages in every language at 360 px, at 100 % and 150 % text size, JavaScript off: looked at by a person. */
    @Test
    void main_pages_are_screenshot_in_every_language_at_phone_size_and_large_text() {
        List<String> main = List.of("/", "/search?q=Bluewatr+Demo+Manpower+Services", "/search?q=Maria+Santos",
                "/agencies/1", "/agencies/2", "/agencies/999", "/verify", "/contact", "/opendata");
        for (int textPercent : List.of(100, 150)) {
            try (Browser small = Browser.cheapPhone(360, textPercent, "en")) {
                for (String lang : List.of("en", "fil", "ne", "id")) {
                    for (String page : main) {
                        small.driver().get(server.getURI().resolve(page + (page.contains("?") ? "&" : "?") + "lang=" + lang).toString());
                        assertEquals(lang, small.driver().findElement(By.tagName("html")).getAttribute("lang"));
                        small.fullPageScreenshot("main-" + lang + "-" + textPercent + "-" + page.replaceAll("[^A-Za-z0-9]+", "_"));
                    }
                }
            }
        }
    }

    @Test
    void the_agency_page_prints_without_navigation_and_forms() {
        open(desktop, "/agencies/1?lang=en");
        desktop.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertTrue(!desktop.driver().findElement(By.cssSelector(".languages")).isDisplayed());
            assertTrue(!desktop.driver().findElement(By.cssSelector("a.button")).isDisplayed());
            assertTrue(desktop.driver().findElement(By.cssSelector("main .verdict")).isDisplayed());
            assertTrue(desktop.driver().findElement(By.cssSelector(".site-footer .hotline")).isDisplayed());
            desktop.screenshot("portal-agency-print");
        } finally {
            desktop.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    @Test
    void assets_are_fingerprinted_and_cached_for_a_year_and_the_favicon_exists() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String home = http.send(HttpRequest.newBuilder(server.getURI().resolve("/")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/assets/[0-9a-f]{10}/css/app\\.css)\"").matcher(home);
        assertTrue(css.find(), home);
        HttpResponse<String> sheet = http.send(HttpRequest.newBuilder(server.getURI().resolve(css.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sheet.statusCode());
        assertEquals("public, max-age=31536000, immutable", sheet.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(sheet.body().contains("local(\"Noto Sans Devanagari\")"));
        String font = css.group(1).replace("css/app.css", "fonts/noto-sans-devanagari-devanagari-400-normal.woff2");
        HttpResponse<byte[]> woff2 = http.send(HttpRequest.newBuilder(server.getURI().resolve(font)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("font/woff2", woff2.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", woff2.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<byte[]> favicon = http.send(HttpRequest.newBuilder(server.getURI().resolve("/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, favicon.statusCode());
        assertEquals("image/x-icon", favicon.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(server.getURI().resolve("/assets/0000000000/css/app.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stale.statusCode(), "another release's fingerprint still gets a style sheet");
        assertEquals("public, max-age=60", stale.headers().firstValue("Cache-Control").orElseThrow());
    }
}
