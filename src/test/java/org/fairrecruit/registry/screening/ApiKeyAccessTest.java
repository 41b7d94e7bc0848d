package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.database.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Employer API keys: issued by an ADMIN, shown once, stored hashed, scoped, rate-limited, revocable, counted. */
@MicronautTest(transactional = false)
class ApiKeyAccessTest {
    private static final String MATCH = "/api/v1/screening/match";
    private static final String ONE_QUERY = "{\"queries\":[{\"ref\":\"1\",\"name\":\"Nobody Known Ltd\",\"type\":\"AGENCY\"}]}";
    @Inject ScreeningCalls calls;
    @Inject Sql sql;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    @Test
    void issued_key_is_shown_once_and_stored_only_as_its_hash() throws Exception {
        HttpResponse<String> issued = calls.staff("POST", "/api/v1/staff/api-keys",
                "{\"organisation\":\"Hash Check Ltd\",\"contactEmail\":\"ops@hash.test\",\"scopes\":[\"MATCH\"]}");
        Map<String, Object> body = calls.body(issued, 201);
        String key = (String) body.get("key");
        assertTrue(key.matches("rar_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32}"), key);

        String stored = sql.one("SELECT secret_hash FROM api_key WHERE id = ?", rs -> rs.getString(1),
                ((Number) body.get("id")).longValue()).orElseThrow();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertEquals(hash, stored);
        String listed = calls.staff("GET", "/api/v1/staff/api-keys", null).body();
        assertFalse(listed.contains(key.substring(17)), "the list must never show the secret part");
        assertTrue(listed.contains("Hash Check Ltd") && listed.contains("ops@hash.test"), listed);
    }

    @Test
    void only_an_admin_issues_keys() {
        WebClient supervisor = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.SUPERVISOR), StaffFixtures.PASSWORD);
        assertEquals(403, supervisor.getHtml("/admin/api-keys").statusCode());
        WebClient anonymous = new WebClient(server.getURI());
        assertEquals(401, anonymous.postJson("/api/v1/staff/api-keys",
                "{\"organisation\":\"X\",\"contactEmail\":\"x@x.test\"}").statusCode());
    }

    @Test
    void revoked_key_is_refused() {
        HttpResponse<String> issued = calls.staff("POST", "/api/v1/staff/api-keys",
                "{\"organisation\":\"Soon Revoked\",\"contactEmail\":\"r@revoked.test\"}");
        Map<String, Object> body = calls.body(issued, 201);
        String key = (String) body.get("key");
        assertEquals(200, calls.post(key, MATCH, "application/json", ONE_QUERY).statusCode());

        assertEquals(204, calls.staff("DELETE", "/api/v1/staff/api-keys/" + body.get("id"), null).statusCode());

        HttpResponse<String> refused = calls.post(key, MATCH, "application/json", ONE_QUERY);
        assertEquals(401, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(409, calls.staff("DELETE", "/api/v1/staff/api-keys/" + body.get("id"), null).statusCode());
    }

    @Test
    void missing_altered_or_url_borne_keys_are_refused() {
        String key = calls.issueKey();
        assertEquals(401, calls.post(null, MATCH, "application/json", ONE_QUERY).statusCode());
        String altered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertEquals(401, calls.post(altered, MATCH, "application/json", ONE_QUERY).statusCode());
        assertEquals(401, calls.post(null, MATCH + "?apiKey=" + key, "application/json", ONE_QUERY).statusCode());
    }

    @Test
    void key_is_refused_outside_its_scopes() {
        String key = calls.issueKey("{\"organisation\":\"Match Only\",\"contactEmail\":\"m@only.test\",\"scopes\":[\"MATCH\"]}");
        assertEquals(200, calls.post(key, MATCH, "application/json", ONE_QUERY).statusCode());
        assertEquals(403, calls.post(key, "/api/v1/screening/batches", "text/csv", "ref,name,type\n1,A,AGENCY\n").statusCode());
        assertEquals(403, calls.get(key, "/api/v1/screening/watches").statusCode());
    }

    @Test
    void key_over_its_rate_gets_429_with_retry_after() {
        String key = calls.issueKey("{\"organisation\":\"Busy Ltd\",\"contactEmail\":\"b@busy.test\",\"requestsPerMinute\":3}");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, calls.post(key, MATCH, "application/json", ONE_QUERY).statusCode());
        }
        HttpResponse<String> limited = calls.post(key, MATCH, "application/json", ONE_QUERY);

        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("application/problem+json", limited.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void usage_is_counted_per_key_per_day() {
        String key = calls.issueKey("{\"organisation\":\"Counted Ltd\",\"contactEmail\":\"c@counted.test\"}");
        for (int i = 0; i < 4; i++) {
            calls.post(key, MATCH, "application/json", ONE_QUERY);
        }
        List<Map<String, Object>> keys = calls.list(calls.staff("GET", "/api/v1/staff/api-keys", null).body());
        Map<String, Object> counted = keys.stream().filter(k -> "Counted Ltd".equals(k.get("organisation"))).findFirst().orElseThrow();
        assertEquals(4, ((Number) counted.get("requestsToday")).intValue());
        assertEquals(4, ((Number) counted.get("requestsTotal")).intValue());
    }

    @Test
    void admin_page_issues_a_key_once_and_keeps_the_input_of_a_refused_form() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        admin.getHtml("/admin/api-keys");
        HttpResponse<String> refused = admin.postForm("/admin/api-keys", Map.of("organisation", "Page Employer",
                "contactEmail", "not-an-address", "scopes", "MATCH"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("value=\"Page Employer\"") && refused.body().contains("contactEmail-error"),
                refused.body());

        HttpResponse<String> issued = admin.postForm("/admin/api-keys", Map.of("organisation", "Page Employer",
                "contactEmail", "hr@page.test", "scopes", "MATCH"));
        assertEquals(200, issued.statusCode());
        Matcher shown = Pattern.compile("rar_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32}").matcher(issued.body());
        assertTrue(shown.find(), issued.body());
        String key = shown.group();
        assertEquals(200, calls.post(key, MATCH, "application/json", ONE_QUERY).statusCode());

        String page = admin.getHtml("/admin/api-keys").body();
        assertTrue(page.contains("Page Employer") && !page.contains(key), "the key shows only once");
    }
}
