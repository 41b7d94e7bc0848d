package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RawHttp;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per defect the hostile review found (issue 14); each failed before its fix. */
@MicronautTest(transactional = false)
class FindingsTest {
    @Inject EmbeddedServer server;
    @Inject RegisterFixtures register;
    @Inject StaffFixtures staff;

    private RawHttp raw() {
        return new RawHttp(server.getURI());
    }

    private RawHttp.Response get(String target, String... headers) {
        return raw().request("GET", target, Attacks.headers(headers), new byte[0]);
    }

    @Test
    void head_on_every_server_rendered_page_answers_like_get_without_a_body() {
        long id = register.agency("Head Request Manpower").id();
        for (String page : List.of("/agencies/" + id, "/search?q=Head", "/blacklist", "/contact", "/opendata", "/", "/login")) {
            RawHttp.Response head = raw().request("HEAD", page, Map.of(), new byte[0]);
            RawHttp.Response get = get(page, "Accept", "text/html");
            assertEquals(200, head.status(), page);
            assertEquals(get.status(), head.status(), page);
            assertEquals("", head.body(), page);
        }
        assertEquals(404, raw().request("HEAD", "/agencies/987654321", Map.of(), new byte[0]).status());
    }

    @Test
    void verification_without_an_accept_header_answers_json() {
        long id = register.agency("Scanner App Recruiters").id();
        register.activeLicence(id);
        String code = VerificationCodeProbe.issue(server, id);

        RawHttp.Response none = get("/verify/" + code);
        RawHttp.Response any = get("/verify/" + code, "Accept", "*/*");
        RawHttp.Response browser = get("/verify/" + code, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertEquals(200, none.status(), none.body());
        assertTrue(none.header("content-type").startsWith("application/json"), none.header("content-type"));
        assertTrue(none.body().contains("\"genuine\":true"), none.body());
        assertEquals(200, any.status());
        assertTrue(browser.header("content-type").startsWith("text/html"));
    }

    @Test
    void verification_codes_have_one_spelling_only() {
        long id = register.agency("Malleable Code Agency").id();
        String code = VerificationCodeProbe.issue(server, id);
        assertEquals(200, get("/verify/" + code, "Accept", "application/json").status());

        int accepted = 0;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String stem = code.substring(0, code.length() - 1);
        for (char c : alphabet.toCharArray()) {
            String variant = stem + c;
            // A short code is read as people type it: case and the look-alikes O/0, I/L/1 spell the same code.
            if (!asTyped(variant).equals(asTyped(code)) && get("/verify/" + variant, "Accept", "application/json").status() == 200) {
                accepted++;
            }
        }
        assertEquals(0, accepted, "variants of the last character verified");
        assertEquals(400, get("/verify/" + code + "==", "Accept", "application/json").status());
        assertEquals(400, get("/verify/" + code + "%3D%3D", "Accept", "application/json").status());
    }

    private static String asTyped(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    }

    @Test
    void paging_beyond_its_bounds_is_refused_naming_the_field() {
        RawHttp.Response api = get("/api/v1/public/blacklist?page=21474837&size=100", "Accept", "application/json");
        RawHttp.Response page = get("/blacklist?page=42949673", "Accept", "text/html");
        RawHttp.Response size = get("/api/v1/public/blacklist?size=1000", "Accept", "application/json");

        assertEquals(400, api.status(), api.body());
        assertTrue(api.body().contains("\"field\":\"page\""), api.body());
        assertEquals(400, page.status());
        assertTrue(page.body().contains("10000"), page.body());
        assertEquals(400, size.status());
        assertTrue(size.body().contains("\"field\":\"size\""), size.body());
        assertEquals(200, get("/api/v1/public/blacklist?page=10000&size=100", "Accept", "application/json").status());
    }

    @Test
    void a_malformed_form_body_is_a_400_not_a_500() {
        WebClient browser = new WebClient(server.getURI());
        browser.getHtml("/login");
        String csrf = browser.csrfToken().orElseThrow();
        for (String body : List.of("%%%", "_csrf=" + csrf + "&username=%zz", "_csrf=%")) {
            RawHttp.Response response = raw().request("POST", "/login", Attacks.headers(
                    "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                    "Cookie", "REGISTRY_CSRF=" + csrf), body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.status(), body + " -> " + response.body());
        }
    }

    @Test
    void management_endpoints_are_off_for_staff_and_prometheus_is_not_public() {
        WebClient admin = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        String cookie = "REGISTRY_SESSION=" + admin.cookie("REGISTRY_SESSION").orElseThrow();
        for (String endpoint : List.of("/beans", "/routes", "/threaddump", "/info", "/metrics", "/env", "/loggers", "/caches")) {
            RawHttp.Response response = get(endpoint, "Cookie", cookie, "Accept", "application/json");
            assertEquals(404, response.status(), endpoint + " " + response.body());
        }
        String token = ApiTokens.issue(server, staff.userWithRole(Roles.ADMIN));
        RawHttp.Response refresh = raw().request("POST", "/refresh", Attacks.headers("Authorization", "Bearer " + token,
                "Accept", "application/json", "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(refresh.status() == 404 || refresh.status() == 405, refresh.status() + " " + refresh.body());
        assertEquals(404, get("/prometheus").status());
        assertEquals(404, get("/prometheus", "Cookie", cookie).status());
        assertEquals(404, get("/prometheus", "Authorization", "Bearer wrong").status());
        assertEquals(200, get("/prometheus", "Authorization", "Bearer test-scrape-token").status());
        assertEquals(200, get("/health/liveness").status());
    }

    @Test
    void a_json_body_missing_or_mistyping_a_required_field_is_refused_naming_it() {
        long agency = register.agency("Strict Binding Agency").id();
        long application = register.reviewedApplication(agency).id();
        String token = ApiTokens.issue(server, staff.userWithRole(Roles.LICENSING_OFFICER));
        String target = "/api/v1/staff/applications/" + application + "/checklist/BOND_POSTED";

        for (String body : List.of("{}", "{\"checked\":null}", "{\"checked\":\"yes\"}", "{\"checked\":[true]}")) {
            RawHttp.Response response = raw().request("PUT", target, Attacks.headers("Authorization", "Bearer " + token,
                    "Content-Type", "application/json", "Accept", "application/json"), body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.status(), body + " -> " + response.body());
            assertTrue(response.body().contains("\"field\":\"checked\""), body + " -> " + response.body());
        }
        RawHttp.Response view = raw().request("GET", "/api/v1/staff/applications/" + application,
                Attacks.headers("Authorization", "Bearer " + token, "Accept", "application/json"), new byte[0]);
        assertTrue(Pattern.compile("\"item\":\"BOND_POSTED\",\"checkedBy\"").matcher(view.body()).find(),
                "the item stayed ticked: " + view.body());
    }

    @Test
    void open_data_csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
        for (String name : List.of("=HYPERLINK(\"http://evil\")", "+1+1 Agency", "-2+3 Agency", "@SUM(A1) Agency")) {
            Agency agency = register.agency(name);
            register.activeLicence(agency.id());
        }
        String csv = get("/opendata/licences.csv").body();
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0, "formula cell: " + line);
            }
        }
        assertTrue(csv.contains("'=HYPERLINK"), csv);
        assertTrue(csv.contains("'+1+1 Agency"), csv);
        assertTrue(csv.contains("'-2+3 Agency"), csv);
    }
}
