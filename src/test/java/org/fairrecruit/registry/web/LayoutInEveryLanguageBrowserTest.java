package org.fairrecruit.registry.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class LayoutInEveryLanguageBrowserTest {
    private static Browser browser;
    @Inject EmbeddedServer server;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.phone();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({
            "en, Check a recruitment agency before you pay",
            "fil, Suriin ang ahensya bago ka magbayad",
            "ne, पैसा तिर्नुअघि भर्ती एजेन्सी जाँच गर्नुहोस्",
            "id, Periksa agen perekrutan sebelum Anda membayar"})
    void start_page_renders_in_the_chosen_language(String lang, String heading) throws Exception {
        browser.driver().get(server.getURI().resolve("/?lang=" + lang).toString());

        assertEquals(lang, browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(heading, browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(Files.size(browser.screenshot("home-" + lang + "-phone")) > 5_000);
    }

    @ParameterizedTest
    @CsvSource({"en, Staff sign-in", "ne, कर्मचारी लगइन"})
    void chosen_language_is_remembered_on_the_next_page(String lang, String heading) {
        browser.driver().get(server.getURI().resolve("/?lang=" + lang).toString());
        browser.driver().get(server.getURI().resolve("/login").toString());

        assertEquals(heading, browser.driver().findElement(By.tagName("h1")).getText());
    }
}
