package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every public page in every language, rendered by the real service: no message key, no missing
 * message, and no English left on a page in another language, except text from the data that is
 * marked with its own language (which a screen reader then reads with the right voice).
 */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class PortalLanguageCompletenessTest {
    private static final List<String> LANGUAGES = List.of("en", "fil", "ne", "id");
    private static final List<String> PAGES = List.of("/", "/search?q=Bluewatr+Demo+Manpower+Services",
            "/search?q=Bluewater+Jobs", "/search?q=RA-2024-0001", "/search?q=DEMO-PH-0001", "/search?q=RA-2099-0042",
            "/search?q=Zyxwv+Qwerty", "/search?q=Maria+Santos", "/search?q=Ramesh+Thapa", "/search?q=Himalaya",
            "/agencies/1", "/agencies/2", "/agencies/3", "/agencies/4", "/agencies/5", "/agencies/6", "/agencies/7",
            "/agencies/8", "/agencies/999", "/blacklist", "/blacklist?q=Budi", "/contact", "/verify", "/verify?code=7KQ2",
            "/verify/not-a-code", "/opendata", "/no-such-page");
    /** Phrases seen left in English on other languages' pages (issue 19), whatever the bundles say. */
    private static final List<String> KNOWN_ENGLISH = List.of("Monday to Friday", "Agency 999", "Found by the name",
            "Deployment to GCC", "All requirements met", "Charged workers");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    @Inject EmbeddedServer server;
    /** The regulator's own name (configuration), a proper noun that is the same in every language. */
    @Property(name = "registry.opendata.publisher") String publisher;

    @Test
    void every_public_page_in_every_language_has_every_word_in_that_language() throws IOException {
        Properties english = bundle("");
        WebClient client = new WebClient(server.getURI());
        String certificate = verifyPath(client);
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties own = bundle("en".equals(lang) ? "" : "_" + lang);
            for (String page : withCertificate(certificate)) {
                String path = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                HttpResponse<String> response = client.getHtml(path);
                Document html = Jsoup.parse(response.body());
                if (!lang.equals(html.root().child(0).attr("lang"))) {
                    problems.add(path + ": <html lang> is " + html.root().child(0).attr("lang"));
                }
                html.select("[lang]").stream().filter(e -> !e.attr("lang").equals(lang) && e != html.root().child(0))
                        .filter(e -> !e.parents().stream().anyMatch(p -> p.hasClass("languages")) && !e.parent().hasClass("languages"))
                        .forEach(Element::remove);
                html.select(".languages").remove();
                String text = (html.text() + " " + attributes(html)).replace(publisher, "");
                problems.addAll(problems(path, text, lang, english, own));
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> problems(String path, String text, String lang, Properties english, Properties own) {
        List<String> found = new ArrayList<>();
        if (text.contains("??")) {
            found.add(path + ": a missing message (??…??)");
        }
        for (String key : english.stringPropertyNames()) {
            if (key.contains(".") && text.contains(key)
                    && Pattern.compile("(?<![\\w.@])" + Pattern.quote(key) + "(?![\\w.])").matcher(text).find()) {
                found.add(path + ": message key " + key + " shown as text");
            }
            if (lang.equals("en")) {
                continue;
            }
            String englishValue = english.getProperty(key);
            if (englishValue.equals(own.getProperty(key))) {
                continue;
            }
            for (String fragment : PLACEHOLDER.split(englishValue)) {
                String phrase = fragment.strip().replaceAll("^[\\p{Punct}“”‘’—–]+|[\\p{Punct}“”‘’—–]+$", "").strip();
                if (phrase.split("\\s+").length >= 2 && phrase.length() >= 8 && text.contains(phrase)) {
                    found.add(path + ": English “" + phrase + "” (" + key + ")");
                }
            }
        }
        if (!lang.equals("en")) {
            KNOWN_ENGLISH.stream().filter(text::contains).forEach(phrase -> found.add(path + ": English “" + phrase + "”"));
        }
        return found;
    }

    /** What a screen reader also reads: labels, titles, placeholders, alternative text. */
    private static String attributes(Document html) {
        StringBuilder out = new StringBuilder();
        for (String attribute : List.of("aria-label", "title", "placeholder", "alt")) {
            html.select("[" + attribute + "]").forEach(e -> out.append(e.attr(attribute)).append(' '));
        }
        return out.toString();
    }

    private static List<String> withCertificate(String verifyPath) {
        List<String> pages = new ArrayList<>(PAGES);
        pages.add(verifyPath);
        return pages;
    }

    /** The verify page of a real certificate: the path its QR code carries, without the language. */
    private String verifyPath(WebClient client) {
        try {
            HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.getURI().resolve("/agencies/2/certificate.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                String url = org.fairrecruit.registry.document.DocumentText.qrCode(document);
                return url.substring(url.indexOf("/verify/"), url.indexOf('?'));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties bundle(String suffix) {
        Properties properties = new Properties();
        try (InputStream in = PortalLanguageCompletenessTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
