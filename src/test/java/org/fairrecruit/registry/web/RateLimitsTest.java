package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each rate class has its budget per client, whatever spelling of the path spends it. */
@MicronautTest(transactional = false)
@Property(name = "registry.public-rate-limit.requests-per-minute", value = "10")
@Property(name = "registry.public-rate-limit.open-data-files-per-minute", value = "3")
@Property(name = "registry.public-rate-limit.sign-ins-per-minute", value = "4")
class RateLimitsTest {
    @Inject EmbeddedServer server;

    private int status(String method, String target) {
        return new RawHttp(server.getURI()).request(method, target, Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
                method.equals("POST") ? "username=x&password=y".getBytes(StandardCharsets.UTF_8) : new byte[0]).status();
    }

    @Test
    void every_spelling_of_a_path_spends_the_same_budget() {
        List<String> spellings = List.of("/search", "/search/", "//search", "/SEARCH", "/%73earch", "/search;x=1", "/./search",
                "/search//", "/Search/", "/%2573earch");
        for (String spelling : spellings) {
            assertEquals(RateLimits.RateClass.PUBLIC, RateLimits.classOf(HttpMethod.GET, RateLimits.normalised(spelling)), spelling);
            assertEquals("/search", RateLimits.normalised(spelling), spelling);
        }
    }

    @Test
    void public_pages_sign_in_and_open_data_files_are_limited_per_class() {
        for (String page : List.of("/", "/contact", "/opendata", "/blacklist/", "/api/v1/public/blacklist", "/report", "/verify/x")) {
            assertEquals(RateLimits.RateClass.PUBLIC, RateLimits.classOf(HttpMethod.GET, RateLimits.normalised(page)), page);
        }
        assertEquals(RateLimits.RateClass.SIGN_IN, RateLimits.classOf(HttpMethod.POST, "/login"));
        assertEquals(RateLimits.RateClass.SIGN_IN, RateLimits.classOf(HttpMethod.POST, RateLimits.normalised("/API/v1/staff/tokens/")));
        assertEquals(RateLimits.RateClass.OPEN_DATA_FILE, RateLimits.classOf(HttpMethod.GET, "/opendata/licences.csv"));
        for (String free : List.of("/ping", "/static/css/app.css", "/health/readiness", "/staff/agencies", "/api/v1/staff/agencies")) {
            assertNull(RateLimits.classOf(HttpMethod.GET, RateLimits.normalised(free)), free);
        }
    }

    @Test
    void the_eleventh_page_in_a_minute_gets_429_with_retry_after_on_any_spelling() {
        RawHttp raw = new RawHttp(server.getURI());
        List<String> spellings = List.of("/search", "/search/", "//search", "/SEARCH/", "/%73earch");
        int refused = 0;
        RawHttp.Response last = null;
        for (int i = 0; i < 12; i++) {
            last = raw.request("GET", spellings.get(i % spellings.size()), Map.of("Accept", "application/json"), new byte[0]);
            refused += last.status() == 429 ? 1 : 0;
        }
        assertEquals(2, refused);
        assertNotNull(last.header("retry-after"));
        assertEquals(200, raw.request("GET", "/ping", Map.of(), new byte[0]).status(), "the baseline is never limited");
    }

    @Test
    void sign_in_attempts_have_their_own_small_budget() {
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            refused += status("POST", i % 2 == 0 ? "/login" : "/login/") == 429 ? 1 : 0;
        }
        assertEquals(2, refused);
    }

    @Test
    void open_data_files_have_their_own_small_budget() {
        RawHttp raw = new RawHttp(server.getURI());
        int refused = 0;
        for (String file : List.of("/opendata/licences.csv", "/opendata/licences.json", "/opendata/blacklist.csv/",
                "/OPENDATA/blacklist.json", "/opendata//changes.atom")) {
            refused += raw.request("GET", file, Map.of(), new byte[0]).status() == 429 ? 1 : 0;
        }
        assertEquals(2, refused);
    }
}
