package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RawHttp;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.Routes;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack suite: every route the router knows (so a route added later is attacked too, with no
 * list to keep), every method, Accept variants, extreme path and paging values, malformed and huge
 * bodies and headers, invalid UTF-8 and NUL bytes, an XSS corpus in every form and query field a
 * page shows back, SQL injection in every search and filter. Anonymous and as an ADMIN (session
 * cookie and CSRF token, so requests get past the guards into the handlers). Rules: no 5xx, no
 * stack trace or exception class name in any answer or ERROR in the log, no XSS payload echoed
 * raw, no change to any table from anonymous or injected requests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteTest {
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> PAGING = List.of("page", "size", "limit", "offset");

    @Inject EmbeddedServer server;
    @Inject Router router;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures register;
    @Inject DataSource dataSource;

    private final AttackLedger ledger = new AttackLedger("attack-suite");
    private ErrorLogWatch log;
    private RawHttp raw;
    private List<Routes.Route> routes;
    private String realId;
    private Map<String, String> admin;

    @BeforeAll
    void setUp() {
        raw = new RawHttp(server.getURI());
        routes = Routes.of(router);
        long agency = register.agency("Attack Target Manpower").id();
        register.activeLicence(agency);
        realId = Long.toString(agency);
        WebClient signedIn = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
        String csrf = signedIn.csrfToken().orElseThrow();
        admin = Attacks.headers("Cookie", "REGISTRY_SESSION=" + signedIn.cookie("REGISTRY_SESSION").orElseThrow()
                + "; REGISTRY_CSRF=" + csrf, "X-CSRF-Token", csrf);
        log = ErrorLogWatch.attach();
    }

    @AfterAll
    void report() {
        log.close();
        ledger.finish(Map.of("routes", routes.size()));
    }

    private RawHttp.Response send(String kind, String method, String target, Map<String, String> headers, byte[] body) {
        RawHttp.Response response = raw.request(method, target, headers, body);
        ledger.check(kind, method + " " + target.substring(0, Math.min(target.length(), 160)) + " " + headers.keySet(), response);
        return response;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> map = new LinkedHashMap<>(base);
        map.putAll(Attacks.headers(pairs));
        return map;
    }

    private int failuresBefore;
    private int logErrorsBefore;

    @org.junit.jupiter.api.BeforeEach
    void mark() {
        failuresBefore = ledger.failureCount();
        logErrorsBefore = log.errors().size();
    }

    private void assertClean() {
        List<String> failures = new ArrayList<>(ledger.failuresSince(failuresBefore));
        log.errors().stream().skip(logErrorsBefore).forEach(error -> failures.add("logged " + error));
        List<String> shown = failures.stream().limit(60).toList();
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", shown));
    }

    @Test
    void the_router_lists_the_public_and_staff_routes() {
        assertTrue(routes.size() > 40, routes.toString());
        assertTrue(routes.stream().anyMatch(r -> r.template().startsWith("/agencies/{id}")), routes.toString());
    }

    @Test
    void every_route_answers_every_method_and_accept_header_without_a_server_error() {
        Set<String> targets = new LinkedHashSet<>();
        routes.forEach(route -> targets.add(Attacks.target(route, realId)));
        for (String target : targets) {
            for (String method : Attacks.METHODS) {
                for (String accept : Attacks.ACCEPTS) {
                    send("methods-and-accept", method, target, Attacks.headers("Accept", accept), new byte[0]);
                    send("methods-and-accept", method, target, with(admin, "Accept", accept), new byte[0]);
                }
            }
        }
        assertClean();
    }

    @Test
    void extreme_ids_and_paging_values_never_cause_a_server_error() {
        for (Routes.Route route : routes) {
            List<String> query = new ArrayList<>(Attacks.queryVariables(route.template()));
            PAGING.stream().filter(p -> !query.contains(p)).forEach(query::add);
            for (String value : Attacks.EXTREMES) {
                for (Map<String, String> who : List.of(Map.<String, String>of(), admin)) {
                    String accept = who.isEmpty() ? "text/html" : "application/json";
                    send("path-extremes", route.method(), Attacks.target(route, value), with(who, "Accept", accept), new byte[0]);
                    for (String name : query) {
                        send("query-extremes", route.method(), Attacks.target(route, realId) + Attacks.query(Map.of(name, value)),
                                with(who, "Accept", accept), new byte[0]);
                    }
                }
            }
        }
        assertClean();
    }

    @Test
    void malformed_json_form_and_multipart_bodies_get_a_client_error() {
        for (Routes.Route route : routes.stream().filter(r -> BODY_METHODS.contains(r.method())).toList()) {
            String target = Attacks.target(route, realId);
            for (Map<String, String> who : List.of(Map.<String, String>of(), admin)) {
                for (String json : Attacks.JSON_BODIES) {
                    send("malformed-json", route.method(), target, with(who, "Content-Type", "application/json",
                            "Accept", "application/json"), json.getBytes(StandardCharsets.UTF_8));
                }
                for (String form : Attacks.FORM_BODIES) {
                    send("malformed-form", route.method(), target, with(who, "Content-Type", "application/x-www-form-urlencoded",
                            "Accept", "text/html"), form.getBytes(StandardCharsets.UTF_8));
                }
                for (String[] multipart : multipartBodies()) {
                    send("malformed-multipart", route.method(), target, with(who, "Content-Type", multipart[0],
                            "Accept", "text/html"), multipart[1].getBytes(StandardCharsets.UTF_8));
                }
                send("malformed-json", route.method(), target, with(who, "Content-Type", "application/json; charset=ebcdic",
                        "Accept", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
                send("malformed-json", route.method(), target, with(who, "Content-Type", "text/x-nonsense",
                        "Accept", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertClean();
    }

    private static List<String[]> multipartBodies() {
        return List.of(
                new String[] {"multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"},
                new String[] {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"},
                new String[] {"multipart/form-data; boundary=x", "garbage without any boundary"},
                new String[] {"multipart/form-data; boundary=", "--\r\n\r\n--"},
                new String[] {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAGENCIES\r\n--x\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "registrationNumber,legalName\r\n=1+1,\"unterminated\r\n--x--\r\n"});
    }

    @Test
    void huge_headers_urls_and_bodies_are_refused_cleanly() {
        List<String> samples = new ArrayList<>();
        routes.stream().filter(r -> r.method().equals("GET")).limit(10).forEach(r -> samples.add(Attacks.target(r, realId)));
        for (String target : samples) {
            send("huge", "GET", target, Attacks.headers("X-Padding", "a".repeat(20_000)), new byte[0]);
            send("huge", "GET", target + "?q=" + "b".repeat(70_000), Map.of(), new byte[0]);
            send("huge", "GET", target, Attacks.headers("Cookie", "c=" + "d".repeat(16_000)), new byte[0]);
            Map<String, String> many = new LinkedHashMap<>();
            for (int i = 0; i < 200; i++) {
                many.put("X-H" + i, "v" + i);
            }
            send("huge", "GET", target, many, new byte[0]);
        }
        byte[] big = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        for (Routes.Route route : routes.stream().filter(r -> BODY_METHODS.contains(r.method())).limit(4).toList()) {
            send("huge", route.method(), Attacks.target(route, realId), with(admin, "Content-Type", "application/json"), big);
        }
        assertClean();
    }

    @Test
    void invalid_utf8_and_nul_bytes_never_cause_a_server_error() {
        List<byte[]> poison = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {0x00}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "%C3%28%00%FF".getBytes(StandardCharsets.US_ASCII));
        for (Routes.Route route : routes) {
            String target = Attacks.target(route, realId);
            for (byte[] bytes : poison) {
                for (String where : List.of("path", "query", "header")) {
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    write(head, route.method() + " ");
                    if (where.equals("path")) {
                        write(head, target.equals("/") ? "/" : target + "/");
                        head.writeBytes(bytes);
                    } else {
                        write(head, target);
                    }
                    if (where.equals("query")) {
                        write(head, "?q=");
                        head.writeBytes(bytes);
                        write(head, "&page=");
                        head.writeBytes(bytes);
                    }
                    write(head, " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: text/html\r\nContent-Length: 0");
                    if (where.equals("header")) {
                        write(head, "\r\nAccept-Language: ");
                        head.writeBytes(bytes);
                    }
                    RawHttp.Response response = raw.send(head.toByteArray(), new byte[0]);
                    ledger.check("invalid-bytes", route + " in " + where, response);
                }
            }
            for (Map<String, String> who : List.of(Map.<String, String>of(), admin)) {
                if (BODY_METHODS.contains(route.method())) {
                    send("invalid-bytes", route.method(), target, with(who, "Content-Type", "application/x-www-form-urlencoded"),
                            new byte[] {'n', 'a', 'm', 'e', '=', (byte) 0xC3, 0x28, 0x00, '&', '_', 'c', 's', 'r', 'f', '=', (byte) 0xFF});
                    send("invalid-bytes", route.method(), target, with(who, "Content-Type", "application/json"),
                            new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, 0x28, 0x00, '"', '}'});
                }
            }
        }
        assertClean();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void xss_corpus_is_shown_back_escaped_in_every_page_and_form() {
        for (Routes.Route route : routes.stream().filter(r -> r.method().equals("GET")).toList()) {
            List<String> fields = new ArrayList<>(Attacks.queryVariables(route.template()));
            fields.add("q");
            for (String payload : Attacks.XSS) {
                for (String field : new LinkedHashSet<>(fields)) {
                    for (Map<String, String> who : List.of(Map.<String, String>of(), admin)) {
                        String target = Attacks.target(route, realId) + Attacks.query(Map.of(field, payload));
                        expectEscaped(send("xss", "GET", target, with(who, "Accept", "text/html"), new byte[0]), payload, target);
                    }
                }
                String pathTarget = Attacks.target(route, payload);
                expectEscaped(send("xss", "GET", pathTarget, with(admin, "Accept", "text/html"), new byte[0]), payload, pathTarget);
            }
        }
        for (Form form : formsOnPages()) {
            for (String payload : Attacks.XSS) {
                Map<String, String> fields = new LinkedHashMap<>();
                form.fields().forEach(name -> fields.put(name, payload));
                fields.put("_csrf", admin.get("X-CSRF-Token"));
                String body = Attacks.query(fields).substring(1);
                RawHttp.Response response = send("xss-forms", form.method(), form.action() + (form.method().equals("GET") ? "?" + body : ""),
                        with(admin, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
                        form.method().equals("GET") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
                expectEscaped(response, payload, form.method() + " " + form.action());
            }
        }
        assertClean();
    }

    private void expectEscaped(RawHttp.Response response, String payload, String what) {
        if (response.body().contains(payload)) {
            ledger.fail(what, response, "payload echoed unescaped: " + payload);
        }
    }

    record Form(String method, String action, List<String> fields) {
    }

    /** Every form on every page an ADMIN can open (jsoup), with its text fields. */
    private List<Form> formsOnPages() {
        List<Form> forms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Routes.Route route : routes.stream().filter(r -> r.method().equals("GET")).toList()) {
            RawHttp.Response page = raw.request("GET", Attacks.target(route, realId), with(admin, "Accept", "text/html"), new byte[0]);
            if (page.status() != 200 || !String.valueOf(page.header("content-type")).startsWith("text/html")) {
                continue;
            }
            Document html = Jsoup.parse(page.body());
            for (Element form : html.select("form")) {
                String method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase(java.util.Locale.ROOT);
                String action = form.attr("action").isBlank() ? Attacks.target(route, realId) : form.attr("action");
                if (!action.startsWith("/") || form.attr("enctype").startsWith("multipart") || !seen.add(method + action)) {
                    continue;
                }
                List<String> fields = form.select("input[name]:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea[name]")
                        .stream().map(e -> e.attr("name")).distinct().toList();
                forms.add(new Form(method, action, fields));
            }
        }
        return forms;
    }

    @Test
    void sql_injection_in_searches_and_filters_changes_nothing_and_finds_nothing_extra() {
        Map<String, Long> before = tableCounts();
        for (Routes.Route route : routes.stream().filter(r -> r.method().equals("GET")).toList()) {
            List<String> fields = new ArrayList<>(Attacks.queryVariables(route.template()));
            fields.add("q");
            for (String payload : Attacks.SQL) {
                for (String field : new LinkedHashSet<>(fields)) {
                    send("sql-injection", "GET", Attacks.target(route, realId) + Attacks.query(Map.of(field, payload)),
                            Attacks.headers("Accept", "application/json"), new byte[0]);
                    send("sql-injection", "GET", Attacks.target(route, realId) + Attacks.query(Map.of(field, payload)),
                            with(admin, "Accept", "text/html"), new byte[0]);
                }
                send("sql-injection", "GET", Attacks.target(route, payload), Attacks.headers("Accept", "application/json"), new byte[0]);
            }
        }
        assertEquals(before, tableCounts(), "rows changed by injected requests");
        assertClean();
    }

    /** Rows per table of this test's database (exact counts; the database is small). */
    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet tables = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        counts.remove("flyway_schema_history");
        // Written by the scheduled audit checkpoint (a signed checkpoint and its mail to the auditor)
        // whenever the chain grew, whatever the requests did.
        counts.remove("audit_checkpoint");
        counts.remove("outbox_message");
        return counts;
    }
}
