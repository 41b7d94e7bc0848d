package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step after the answer, tried as a migrant does: a 360 px phone with JavaScript off, in English
 * and in Nepali. One test per finding of issue 19.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
@Property(name = "registry.public-base-url", value = "https://registry.example")
@Property(name = "registry.hotline.phone", value = "+63 2 1234 5678")
@Property(name = "registry.hotline.free-from-abroad", value = "true")
@Property(name = "registry.hotline.messaging-url", value = "https://wa.me/6321234567")
@Property(name = "registry.time-zone", value = "Asia/Manila")
class PortalAnswersBrowserTest {
    private static Browser phone;
    @Inject EmbeddedServer server;
    @Inject RegisterFixtures register;
    @Inject RegisterWrites writes;

    @BeforeAll
    static void openBrowser() {
        phone = Browser.cheapPhone(360, 100, "en");
    }

    @AfterAll
    static void closeBrowser() {
        phone.close();
    }

    private void open(String path) {
        phone.driver().get(server.getURI().resolve(path).toString());
    }

    private void search(String query, String lang) {
        open("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&lang=" + lang);
    }

    private String text(String css) {
        return phone.driver().findElement(By.cssSelector(css)).getText();
    }

    private List<String> texts(String css) {
        return phone.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "en, Bluewatr Demo Manpower Services, You searched for “Bluewatr Demo Manpower Services”. The registered name is “Bluewater Demo Manpower Services Inc.”.",
            "en, Bluewater Manpower Services Inc., You searched for “Bluewater Manpower Services Inc.”. The registered name is “Bluewater Demo Manpower Services Inc.”.",
            "ne, Bluewatr Demo Manpower Services, तपाईंले “Bluewatr Demo Manpower Services” खोज्नुभयो। दर्ता भएको नाम “Bluewater Demo Manpower Services Inc.” हो।"})
    void a_name_one_letter_off_or_a_word_short_is_told_apart_from_the_registered_name(String lang, String query, String said) {
        search(query, lang);

        assertTrue(text(".result .verdict").contains("2028"), text(".result"));
        assertTrue(text(".result .name-differs").contains(said), text(".result .name-differs"));
        phone.screenshot("answers-name-differs-" + lang);
    }

    @Test
    void the_exact_registered_name_is_not_said_to_differ() {
        search("bluewater demo manpower services inc", "en");

        assertTrue(phone.driver().findElements(By.cssSelector(".result:first-child .name-differs")).isEmpty(), text(".result"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|Bluewater Jobs|What to do: Before you pay or sign anything|Free to call from abroad",
            "ne|Bluewater Jobs|के गर्ने: केही तिर्नु वा सही गर्नुअघि|विदेशबाट फोन गर्न निःशुल्क",
            "en|Himalaya Overseas|What to do: Do not pay and do not hand over your passport|Free to call from abroad",
            "ne|Himalaya Overseas|के गर्ने: नतिर्नुहोस् र राहदानी नदिनुहोस्|विदेशबाट फोन गर्न निःशुल्क"})
    void every_verdict_says_what_to_do_next_with_the_hotline_and_when_it_was_checked(String lang, String query,
                                                                                     String nextStep, String free) {
        search(query, lang);

        assertTrue(text(".result .next-step").startsWith(nextStep), text(".result .next-step"));
        WebElement tel = phone.driver().findElement(By.cssSelector(".result .hotline a.tel"));
        assertEquals("tel:+63212345678", tel.getAttribute("href"));
        String hotline = text(".result .hotline");
        assertTrue(hotline.contains("UTC+08:00") && hotline.contains(free), hotline);
        assertEquals("https://wa.me/6321234567", phone.driver().findElement(By.cssSelector(".result .hotline a[href^='https://wa.me']")).getAttribute("href"));
        assertTrue(text(".site-footer .hotline").contains("+63 2 1234 5678"), text(".site-footer"));
        assertTrue(text(".checked").matches(".*\\d{1,2} \\S+ 20\\d\\d, \\d\\d:\\d\\d UTC\\+08:00.*"), text(".checked"));
        phone.screenshot("answers-next-step-" + lang + "-" + query.replace(' ', '-'));
    }

    @ParameterizedTest
    @CsvSource({
            "en, ra 2O24-OOO1, Found by licence number RA-2024-0001",
            "ne, RA-2O24-OOOI, इजाजतपत्र नम्बर RA-2024-0001 बाट भेटियो",
            "en, DEMO-PH-0001, Found by registration number DEMO-PH-0001",
            "ne, demo ph 0001, दर्ता नम्बर DEMO-PH-0001 बाट भेटियो"})
    void licence_and_registration_numbers_are_found_as_numbers_forgiving_o_for_zero_and_i_for_one(String lang,
                                                                                                  String query, String foundBy) {
        search(query, lang);

        assertEquals("Bluewater Demo Manpower Services Inc.", text(".result h3"));
        assertTrue(text(".result .meta").contains(foundBy), text(".result .meta"));
        assertTrue(phone.driver().findElements(By.cssSelector(".no-match")).isEmpty());
        assertTrue(phone.driver().findElements(By.cssSelector(".result:first-child .name-differs")).isEmpty());
        phone.screenshot("answers-number-" + lang + "-" + query.replace(' ', '-'));
    }

    @ParameterizedTest
    @CsvSource({
            "en, RA-2099-0042, No licence or registration number “RA-2099-0042” is in the register — do not pay; report it",
            "ne, RA-2099-0042, “RA-2099-0042” नम्बरको कुनै इजाजतपत्र वा दर्ता अभिलेखमा छैन — नतिर्नुहोस्; उजुरी गर्नुहोस्"})
    void an_unknown_number_is_said_to_be_no_such_number_not_no_such_name(String lang, String query, String said) {
        search(query, lang);

        assertEquals(said, text(".no-match .verdict"));
        assertTrue(text(".no-match .hotline").contains("+63 2 1234 5678"));
        assertTrue(phone.driver().findElement(By.cssSelector(".no-match a[href^='/report']")).getAttribute("href")
                .endsWith("/report?name=RA-2099-0042"));
    }

    @ParameterizedTest
    @CsvSource({
            "en, Not a registered agency — do not pay, There is no agency number 999 in the register.",
            "ne, दर्ता भएको एजेन्सी होइन — नतिर्नुहोस्, दर्तामा 999 नम्बरको कुनै एजेन्सी छैन।"})
    void an_unknown_agency_page_says_not_registered_do_not_pay(String lang, String verdict, String explanation) {
        HttpResponse<String> response = new WebClient(server.getURI()).getHtml("/agencies/999?lang=" + lang);
        assertEquals(404, response.statusCode());

        open("/agencies/999?lang=" + lang);
        assertEquals(verdict, text("main .verdict"));
        assertTrue(text("main").contains(explanation), text("main"));
        assertTrue(text("main .hotline").contains("+63 2 1234 5678"));
        phone.screenshot("answers-unknown-agency-" + lang);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|May send workers only to the destinations listed on this page|Monday to Friday, 8:00–17:00|Saudi Arabia",
            "ne|यस पृष्ठमा सूचीमा भएका देशमा मात्र कामदार पठाउन पाउँछ|सोमबारदेखि शुक्रबार, ८:००–१७:००|साउदी अरब"})
    void conditions_hours_and_destinations_are_in_the_readers_language_and_free_text_is_marked(String lang,
                                                                                              String condition, String hours,
                                                                                              String destination) {
        open("/agencies/1?lang=" + lang);

        assertTrue(text("main").contains(condition), text("main"));
        assertTrue(text("main").contains(destination), text("main"));
        WebElement remark = phone.driver().findElement(By.xpath("//li[contains(., 'Deployment to GCC countries only.')]/span[@lang]"));
        assertEquals("en", remark.getAttribute("lang"));
        WebElement hoursText = phone.driver().findElement(By.cssSelector(".site-footer .hours span[lang]"));
        assertEquals(hours, hoursText.getText());
        assertEquals(lang, hoursText.getAttribute("lang"));
        phone.driver().findElements(By.cssSelector(".timeline li span + span, .timeline small")).forEach(reason ->
                assertTrue(reason.getAttribute("lang") != null || "en".equals(lang), reason.getText()));
        phone.screenshot("answers-agency-terms-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ne"})
    void switching_language_on_a_results_page_keeps_the_search(String lang) {
        search("Bluewater Jobs", "fil");
        phone.driver().findElement(By.cssSelector(".languages a[lang='" + lang + "']")).click();

        assertTrue(phone.driver().getCurrentUrl().contains("q=Bluewater+Jobs"), phone.driver().getCurrentUrl());
        assertEquals(lang, phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Bluewater Demo Manpower Services Inc.", text(".result h3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tl", "tl-PH", "tl-PH,en;q=0.5"})
    void tagalog_browsers_get_filipino(String acceptLanguage) {
        HttpResponse<String> page = new WebClient(server.getURI()).send(java.net.http.HttpRequest.newBuilder(
                server.getURI().resolve("/")).header("Accept", "text/html").header("Accept-Language", acceptLanguage));
        assertTrue(page.body().contains("<html lang=\"fil\""), page.body().substring(0, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ne"})
    void a_listed_person_next_to_a_look_alike_gets_a_warning_that_never_talks_about_licences(String lang) {
        search("Maria Santos", lang);

        String warning = text(".search-page > .warning");
        assertTrue(warning.contains("Mariah Santos") || warning.contains("Maria Demo Santos"), warning);
        assertTrue(en(lang) ? warning.startsWith("Warning:") && warning.contains("a person on the blacklist")
                : warning.startsWith("चेतावनी:") && warning.contains("कालोसूचीमा रहेका व्यक्ति"), warning);
        String result = text(".result");
        for (String licenceWord : List.of("licence", "Licence", "इजाजतपत्र")) {
            assertFalse(warning.contains(licenceWord) || result.contains(licenceWord), warning + "\n" + result);
        }
        phone.screenshot("answers-listed-person-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ne"})
    void a_licensed_agency_next_to_an_unlicensed_look_alike_gets_the_confusable_warning(String lang) throws Exception {
        String name = (en(lang) ? "Sampaguita" : "Kathmandu Valley") + " Example Manpower";
        long licensed = register.agency(name + " Inc.").id();
        register.activeLicence(licensed);
        register.agency(name + " Services");
        waitUntilSearchable(name + " Services");

        search(name, lang);
        phone.screenshot("answers-confusable-" + lang);

        List<String> warnings = texts(".search-page > .warning");
        String expected = en(lang) ? "Careful: “" + name + " Inc.” is licensed, but “" + name + " Services” has a similar name and is not."
                : "सावधान: “" + name + " Inc.” इजाजतप्राप्त हो, तर “" + name + " Services” को नाम मिल्दोजुल्दो छ र इजाजतपत्र छैन।";
        assertTrue(warnings.stream().anyMatch(w -> w.contains(expected)), warnings + "\n" + text("main"));
    }

    private void waitUntilSearchable(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        WebClient client = new WebClient(server.getURI());
        String path = "/api/v1/public/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        while (!client.getJson(path).body().contains("\"name\":\"" + name + "\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    @Test
    void no_page_scrolls_sideways_at_320_px_or_at_110_and_150_percent_text() {
        List<String> paths = List.of("/?lang=en", "/search?q=Bluewater+Jobs&lang=ne", "/search?q=Maria+Santos&lang=fil",
                "/agencies/1?lang=ne", "/agencies/2?lang=fil", "/agencies/999?lang=id", "/opendata?lang=en", "/opendata?lang=ne",
                "/verify?lang=id", "/blacklist?lang=ne", "/contact?lang=fil");
        for (Browser small : List.of(Browser.cheapPhone(320, 100, "en"), Browser.cheapPhone(360, 110, "en"),
                Browser.cheapPhone(360, 150, "en"))) {
            try (small) {
                for (String path : paths) {
                    small.driver().get(server.getURI().resolve(path).toString());
                    long scrollWidth = ((Number) small.driver().executeScript("return document.documentElement.scrollWidth")).longValue();
                    long viewport = ((Number) small.driver().executeScript("return window.innerWidth")).longValue();
                    assertTrue(viewport <= 360, "the phone is " + viewport + " px wide");
                    assertTrue(scrollWidth <= viewport, path + ": " + scrollWidth + " px wide in a " + viewport + " px viewport");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|Bluewater Jobs|12 Example Street, Makati City|Bluewater Demo Davao Branch, 3 Example Road, Davao City|Verification certificate",
            "ne|Bluewater Jobs|12 Example Street, Makati City|Bluewater Demo Davao Branch, 3 Example Road, Davao City|प्रमाणीकरण प्रमाणपत्र"})
    void a_certificate_carries_a_short_code_to_type_at_verify_and_opens_in_its_language(String lang, String tradeName,
                                                                                      String address, String branch,
                                                                                      String title) throws Exception {
        Certificate certificate = certificate(1, lang);
        assertTrue(certificate.text().contains(title) && certificate.text().contains(tradeName)
                && certificate.text().contains(address) && certificate.text().contains(branch)
                && certificate.text().contains("info@bluewater.example"), certificate.text());
        assertTrue(certificate.text().matches("(?s).*\\d\\d:\\d\\d UTC\\+08:00.*"), certificate.text());
        assertTrue(certificate.qr().endsWith("/verify/" + certificate.code() + "?lang=" + lang), certificate.qr());

        open("/verify?lang=" + lang);
        WebElement box = phone.driver().findElement(By.id("code"));
        box.sendKeys(certificate.code().toLowerCase().replace("-", " ").replace('0', 'o'));
        phone.submit(By.cssSelector("form.search button"));

        assertEquals(lang, phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(text("main .verdict.good").contains("Bluewater Demo Manpower Services Inc."), text("main"));
        phone.screenshot("answers-verify-typed-" + lang);
    }

    @ParameterizedTest
    @CsvSource({"en, This code has a typing mistake", "ne, यो कोड टाइप गर्दा गल्ती भएको छ"})
    void a_mistyped_code_is_said_beside_the_box_with_the_input_kept(String lang, String said) throws Exception {
        String code = certificate(1, lang).code();
        String mistyped = code.substring(0, 5) + (code.charAt(5) == 'X' ? 'Y' : 'X') + code.substring(6);

        open("/verify?lang=" + lang);
        phone.driver().findElement(By.id("code")).sendKeys(mistyped);
        phone.submit(By.cssSelector("form.search button"));

        assertTrue(text("#code-error").startsWith(said), text("main"));
        assertEquals(mistyped, phone.driver().findElement(By.id("code")).getAttribute("value"));
        assertEquals("true", phone.driver().findElement(By.id("code")).getAttribute("aria-invalid"));
        phone.screenshot("answers-verify-mistyped-" + lang);
    }

    @ParameterizedTest
    @CsvSource({"en, Licence suspended — do not pay any fee, The registry says now",
            "ne, इजाजतपत्र निलम्बित — कुनै शुल्क नतिर्नुहोस्, दर्ताले अहिले भन्छ"})
    void the_verify_page_leads_with_the_status_now_when_it_changed(String lang, String suspended, String nowHeading)
            throws Exception {
        long agency = register.agency("Kalayaan " + lang + " Example Placement Inc.").id();
        register.activeLicence(agency);
        Certificate certificate = certificate(agency, lang);
        writes.write(EntityKind.AGENCY, agency, "UPDATE licence SET status = 'SUSPENDED' WHERE agency_id = " + agency);

        open("/verify/" + certificate.code() + "?lang=" + lang);

        assertEquals(nowHeading, text("main h2"));
        assertEquals(suspended, text("main .verdict"));
        List<WebElement> verdicts = phone.driver().findElements(By.cssSelector("main .verdict"));
        assertTrue(verdicts.size() >= 3 && verdicts.get(1).getText().contains("Kalayaan"), texts("main .verdict").toString());
        phone.screenshot("answers-verify-changed-" + lang);
    }

    private record Certificate(String text, String qr, String code) {
    }

    private Certificate certificate(long agency, String lang) throws Exception {
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(server.getURI().resolve("/agencies/" + agency + "/certificate.pdf?lang=" + lang)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = org.fairrecruit.registry.document.DocumentText.of(document);
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]").matcher(text);
            assertTrue(code.find(), text);
            return new Certificate(text, org.fairrecruit.registry.document.DocumentText.qrCode(document), code.group());
        }
    }

    private static boolean en(String lang) {
        return "en".equals(lang);
    }
}
