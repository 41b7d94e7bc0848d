package org.fairrecruit.registry.web;

import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Routes;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorisation matrix, generated from the router: every staff route × every role and anonymous.
 * {@link #ALLOWED} is the one table of who may pass each route (one line per route); a route the
 * router knows under a staff prefix without a line here fails the build, and so does a route elsewhere
 * that is not open to everyone.
 */
@MicronautTest(transactional = false)
class StaffRouteAccessTest {
    private static final Set<String> EVERYONE_SIGNED_IN = Set.copyOf(Roles.ALL);
    /** Case files (applications, documents, letters, licences, the agency file): deciders and the auditor. */
    private static final Set<String> CASE_READERS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR,
            Roles.SUPERVISOR, Roles.AUDITOR);
    /** The register's entries, which intake needs to name the agency a complaint is about. */
    private static final Set<String> REGISTER_READERS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR,
            Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR);
    private static final Set<String> PROPOSAL_READERS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR,
            Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN);
    private static final Set<String> PROPOSERS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR);
    /** Whoever may have proposed something (ADMIN proposes imports, fee policies and approver roles) may withdraw it. */
    private static final Set<String> WITHDRAWERS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR,
            Roles.ADMIN);
    private static final Set<String> OFFICER = Set.of(Roles.LICENSING_OFFICER);
    private static final Set<String> OFFICER_OR_INVESTIGATOR = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR);
    private static final Set<String> SUPERVISOR = Set.of(Roles.SUPERVISOR);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> AUDIT = Set.of(Roles.AUDITOR, Roles.ADMIN);
    /** Complaint cases: investigators work them, supervisors and the auditor read them. */
    private static final Set<String> CASE_WORKERS = Set.of(Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR);
    /** A case as intake needs it: the operator sees the cases it took in (without notes). */
    private static final Set<String> CASE_WORKERS_AND_OPERATOR = Set.of(Roles.INVESTIGATOR, Roles.SUPERVISOR,
            Roles.AUDITOR, Roles.HOTLINE_OPERATOR);
    private static final Set<String> INTAKE_TAKERS = Set.of(Roles.HOTLINE_OPERATOR, Roles.INVESTIGATOR);
    private static final Set<String> INVESTIGATOR = Set.of(Roles.INVESTIGATOR);
    private static final Set<String> INVESTIGATOR_OR_SUPERVISOR = Set.of(Roles.INVESTIGATOR, Roles.SUPERVISOR);
    private static final Set<String> REPORT_READERS = Set.of(Roles.ADMIN, Roles.LICENSING_OFFICER, Roles.INVESTIGATOR,
            Roles.SUPERVISOR, Roles.AUDITOR);
    private static final Set<String> IMPORT_READERS = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR);
    /** Anonymous too: the only staff route a caller without a session may use. */
    private static final Set<String> ANYONE = Set.of("ANONYMOUS");
    private static final String ANONYMOUS = "ANONYMOUS";
    private static final List<String> STAFF_PREFIXES = List.of("/staff", "/admin", "/audit", "/api/v1/staff",
            "/api/v1/audit", "/logout");

    private static final Map<String, Set<String>> ALLOWED = table(
            "GET /admin/imports", ADMIN,
            "POST /admin/imports", ADMIN,
            "GET /admin/imports/{id}", IMPORT_READERS,
            "GET /admin/outbox", ADMIN,
            "POST /admin/outbox/{id}/retry", ADMIN,
            "GET /admin/users", ADMIN,
            "POST /admin/users", ADMIN,
            "POST /admin/users/{id}/access", ADMIN,
            "POST /admin/users/{id}/unlock", ADMIN,
            "POST /api/v1/audit/checkpoints", AUDIT,
            "GET /api/v1/audit/verification", AUDIT,
            "GET /api/v1/staff/agencies", REGISTER_READERS,
            "POST /api/v1/staff/agencies", OFFICER,
            "GET /api/v1/staff/agencies/{id}", REGISTER_READERS,
            "PUT /api/v1/staff/agencies/{id}", OFFICER,
            "POST /api/v1/staff/agencies/{id}/branches", OFFICER,
            "POST /api/v1/staff/agencies/{id}/key-persons", OFFICER,
            "POST /api/v1/staff/agencies/{agencyId}/applications", OFFICER,
            "GET /api/v1/staff/agencies/{agencyId}/licences", CASE_READERS,
            "GET /api/v1/staff/applications/{id}", CASE_READERS,
            "PUT /api/v1/staff/applications/{id}/checklist/{item}", OFFICER,
            "POST /api/v1/staff/applications/{id}/grant", OFFICER,
            "POST /api/v1/staff/imports", ADMIN,
            "GET /api/v1/staff/imports/{id}", IMPORT_READERS,
            "GET /api/v1/staff/licences/{id}", CASE_READERS,
            "POST /api/v1/staff/licences/{id}/proposals", PROPOSERS,
            "POST /api/v1/staff/licences/{id}/reinstatement", Set.of(Roles.LICENSING_OFFICER, Roles.SUPERVISOR),
            "POST /api/v1/staff/licences/{id}/renewals", OFFICER,
            "POST /api/v1/staff/licences/{id}/surrender", OFFICER,
            "GET /api/v1/staff/proposals", PROPOSAL_READERS,
            "POST /api/v1/staff/proposals/{id}/approval", SUPERVISOR,
            "POST /api/v1/staff/proposals/{id}/rejection", SUPERVISOR,
            "POST /api/v1/staff/proposals/{id}/withdrawal", WITHDRAWERS,
            "POST /api/v1/staff/tokens", ANYONE,
            "DELETE /api/v1/staff/tokens/current", EVERYONE_SIGNED_IN,
            "GET /audit", AUDIT,
            "GET /audit/export.csv", AUDIT,
            "POST /logout", EVERYONE_SIGNED_IN,
            "POST /logout/everywhere", EVERYONE_SIGNED_IN,
            "GET /staff", EVERYONE_SIGNED_IN,
            "GET /staff/agencies", REGISTER_READERS,
            "GET /staff/agencies/export.csv", REGISTER_READERS,
            "POST /staff/agencies", OFFICER,
            "GET /staff/agencies/new", OFFICER,
            "GET /staff/agencies/{id}", CASE_READERS,
            "POST /staff/agencies/{id}", OFFICER,
            "POST /staff/agencies/{id}/branches", OFFICER,
            "POST /staff/agencies/{id}/branches/{branchId}/close", OFFICER,
            "POST /staff/agencies/{id}/branches/{branchId}", OFFICER,
            "POST /staff/agencies/{id}/key-persons/{personId}", OFFICER,
            "POST /staff/agencies/{agencyId}/inspections/{inspectionId}", OFFICER_OR_INVESTIGATOR,
            "POST /staff/agencies/{agencyId}/findings/{findingId}", OFFICER_OR_INVESTIGATOR,
            "GET /staff/agencies/{id}/edit", OFFICER,
            "POST /staff/agencies/{id}/key-persons", OFFICER,
            "POST /staff/agencies/{id}/key-persons/{personId}/end", OFFICER,
            "POST /staff/agencies/{id}/sanctions", PROPOSERS,
            "POST /staff/agencies/{agencyId}/applications", OFFICER,
            "POST /staff/agencies/{agencyId}/inspections", OFFICER_OR_INVESTIGATOR,
            "POST /staff/agencies/{agencyId}/obligations", OFFICER_OR_INVESTIGATOR,
            "GET /staff/applications", CASE_READERS,
            "GET /staff/applications/export.csv", CASE_READERS,
            "GET /staff/applications/{id}", CASE_READERS,
            "POST /staff/applications/{id}/checklist", OFFICER,
            "POST /staff/applications/{id}/documents", OFFICER,
            "GET /staff/applications/{id}/documents/{documentId}", CASE_READERS,
            "POST /staff/applications/{id}/grant", OFFICER,
            "POST /staff/applications/{id}/notes", Set.of(Roles.LICENSING_OFFICER, Roles.SUPERVISOR),
            "POST /staff/applications/{id}/refusal", OFFICER,
            "POST /staff/applications/{id}/screening", OFFICER,
            "POST /staff/applications/{id}/screening/{hitId}/clearance", OFFICER,
            "GET /staff/blacklist", CASE_READERS,
            "GET /staff/blacklist/export.csv", CASE_READERS,
            "POST /staff/blacklist/proposals", PROPOSERS,
            "POST /staff/blacklist/{id}/delisting", PROPOSERS,
            "POST /staff/findings/{id}/resolution", OFFICER_OR_INVESTIGATOR,
            "GET /staff/licences/{id}/certificate.pdf", CASE_READERS,
            "GET /staff/licences/{id}/decisions/{changeId}/letter.pdf", CASE_READERS,
            "POST /staff/licences/{id}/proposals", PROPOSERS,
            "POST /staff/licences/{id}/reinstatement", Set.of(Roles.LICENSING_OFFICER, Roles.SUPERVISOR),
            "POST /staff/licences/{id}/renewal", OFFICER,
            "POST /staff/licences/{id}/surrender", OFFICER,
            "GET /staff/monitoring", CASE_READERS,
            "POST /staff/obligations/{id}/fulfilment", OFFICER_OR_INVESTIGATOR,
            "GET /staff/proposals", PROPOSAL_READERS,
            "POST /staff/proposals/{id}/approval", SUPERVISOR,
            "POST /staff/proposals/{id}/rejection", SUPERVISOR,
            "POST /staff/proposals/{id}/withdrawal", WITHDRAWERS,
            "POST /api/v1/staff/complaints", INTAKE_TAKERS,
            "GET /api/v1/staff/complaints", CASE_WORKERS,
            "GET /api/v1/staff/complaints/{id}", CASE_WORKERS_AND_OPERATOR,
            "GET /api/v1/staff/complaints/{id}/contact", CASE_WORKERS,
            "POST /api/v1/staff/complaints/{id}/transitions", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/assignment", INVESTIGATOR_OR_SUPERVISOR,
            "POST /api/v1/staff/complaints/{id}/notes", INVESTIGATOR,
            "PUT /api/v1/staff/complaints/{id}/links", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/fees", INTAKE_TAKERS,
            "POST /api/v1/staff/complaints/{id}/fees/{feeId}/refund-orders", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/fees/{feeId}/refunds", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/evidence", INVESTIGATOR,
            "GET /api/v1/staff/complaints/{id}/evidence/{attachmentId}", CASE_WORKERS,
            "POST /api/v1/staff/complaints/{id}/outcome", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/listing-proposals", INVESTIGATOR,
            "POST /api/v1/staff/complaints/{id}/sanction-proposals", INVESTIGATOR,
            "GET /staff/complaints", CASE_WORKERS,
            "GET /staff/complaints/export.csv", CASE_WORKERS,
            "GET /staff/complaints/{id}", CASE_WORKERS,
            "POST /staff/complaints/{id}/contact", CASE_WORKERS,
            "POST /staff/complaints/{id}/moves", INVESTIGATOR,
            "POST /staff/complaints/{id}/notes", INVESTIGATOR,
            "POST /staff/complaints/{id}/outcome", INVESTIGATOR,
            "GET /staff/hotline", INTAKE_TAKERS,
            "GET /staff/hotline/agencies", INTAKE_TAKERS,
            "POST /staff/hotline", INTAKE_TAKERS,
            "GET /staff/hotline/received/{id}", INTAKE_TAKERS,
            "POST /api/v1/staff/recruiters", INTAKE_TAKERS,
            "GET /api/v1/staff/recruiters", CASE_WORKERS_AND_OPERATOR,
            "PUT /api/v1/staff/fee-policies/{country}", ADMIN,
            "GET /api/v1/staff/fee-policies/{country}", EVERYONE_SIGNED_IN,
            "GET /api/v1/staff/fee-types", EVERYONE_SIGNED_IN,
            "GET /api/v1/staff/agencies/{agencyId}/fee-totals", CASE_WORKERS,
            "GET /admin/api-keys", ADMIN,
            "POST /admin/api-keys", ADMIN,
            "POST /admin/api-keys/{id}/revoke", ADMIN,
            "POST /api/v1/staff/api-keys", ADMIN,
            "GET /api/v1/staff/api-keys", ADMIN,
            "DELETE /api/v1/staff/api-keys/{id}", ADMIN,
            "GET /staff/intake", CASE_WORKERS,
            "GET /staff/intake/export.csv", CASE_WORKERS,
            "GET /staff/intake/{id}", CASE_WORKERS,
            "POST /staff/intake/{id}/messages", INVESTIGATOR,
            "POST /staff/intake/{id}/contact", INVESTIGATOR_OR_SUPERVISOR,
            "GET /staff/reports", REPORT_READERS,
            "GET /staff/reports/{chart}.csv", REPORT_READERS,
            "GET /staff/reports/monthly.pdf", REPORT_READERS);

    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject Router router;

    @Test
    void every_staff_route_has_a_rule_in_the_table() {
        List<String> staffRoutes = Routes.of(router).stream().filter(route -> !route.method().equals("HEAD"))
                .map(Routes.Route::toString).filter(StaffRouteAccessTest::isStaff).toList();
        List<String> missing = staffRoutes.stream().filter(route -> !ALLOWED.containsKey(route)).toList();
        List<String> gone = ALLOWED.keySet().stream().filter(route -> !staffRoutes.contains(route)).toList();

        assertTrue(missing.isEmpty(), "staff routes without a line in ALLOWED:\n" + String.join("\n", missing));
        assertTrue(gone.isEmpty(), "lines in ALLOWED for routes that no longer exist:\n" + String.join("\n", gone));
    }

    @Test
    void every_route_outside_the_staff_area_is_open_to_everyone() {
        List<String> guarded = router.uriRoutes()
                .filter(info -> !isStaff(info.getHttpMethodName() + " " + info.getUriMatchTemplate()))
                // Management endpoints (health, metrics, ...) are guarded by endpoints.*.sensitive instead.
                .filter(info -> !info.getAnnotationMetadata().hasStereotype("io.micronaut.management.endpoint.annotation.Endpoint"))
                .filter(info -> !List.of(SecurityRule.IS_ANONYMOUS).equals(List.of(
                        info.getAnnotationMetadata().stringValues(Secured.class))))
                .map(info -> info.getHttpMethodName() + " " + info.getUriMatchTemplate())
                .distinct().toList();

        assertTrue(guarded.isEmpty(), "routes needing a sign-in outside the staff prefixes " + STAFF_PREFIXES
                + " (move them, or add the prefix):\n" + String.join("\n", guarded));
    }

    @Test
    void every_role_and_anonymous_pass_exactly_the_routes_meant_for_them() {
        Map<String, String> tokens = new HashMap<>();
        Roles.ALL.forEach(role -> tokens.put(role, token(staff.userWithRole(role))));
        List<String> wrong = new ArrayList<>();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(info -> isStaff(info.getHttpMethodName() + " " + info.getUriMatchTemplate())).toList();
        for (UriRouteInfo<?, ?> route : routes) {
            String key = route.getHttpMethodName() + " " + route.getUriMatchTemplate();
            // HEAD answers exactly as GET does (the router derives one from the other).
            Set<String> allowed = ALLOWED.getOrDefault(key.replaceFirst("^HEAD ", "GET "), Set.of());
            for (String role : Stream.concat(Roles.ALL.stream(), Stream.of(ANONYMOUS)).toList()) {
                // Signing out ends the token, so those routes get a session of their own.
                String token = role.equals(ANONYMOUS) ? null
                        : key.contains("logout") || key.contains("tokens/current") ? token(staff.userWithRole(role))
                        : tokens.get(role);
                HttpResponse<String> response = call(route, token);
                int status = response.statusCode();
                // Logout also answers with the sign-in page, but it ends the session cookie; a refusal does not.
                boolean toSignIn = status == 303 && response.headers().firstValue("Location").orElse("").equals("/login")
                        && response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("REGISTRY_SESSION="));
                boolean passed = status != 401 && status != 403 && !toSignIn;
                boolean expected = allowed.contains(role) || allowed.contains(ANONYMOUS);
                if (status >= 500 || passed != expected) {
                    wrong.add(key + " as " + role + " -> " + status + " (expected " + (expected ? "to pass" : "refusal") + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anonymous_browser_is_sent_to_sign_in() {
        WebClient anonymous = new WebClient(server.getURI());
        List.of("/staff", "/staff/agencies", "/admin/users", "/audit").forEach(page -> {
            HttpResponse<String> response = anonymous.getHtml(page);
            assertEquals(303, response.statusCode(), page);
            assertEquals("/login", response.headers().firstValue("Location").orElseThrow(), page);
        });
    }

    @Test
    void anonymous_api_call_gets_401_problem_json() {
        HttpResponse<String> response = new WebClient(server.getURI()).getJson("/api/v1/audit/verification");

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void forbidden_page_is_a_friendly_page_in_the_readers_language() {
        WebClient investigator = new WebClient(server.getURI())
                .signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);

        HttpResponse<String> response = investigator.getHtml("/admin/users?lang=id");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("Tidak diizinkan"), response.body());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at org."));
    }

    private static boolean isStaff(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return STAFF_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** Calls a route with the body type it consumes and an empty form, as a browser or script would. */
    private HttpResponse<String> call(UriRouteInfo<?, ?> route, String token) {
        String path = route.getUriMatchTemplate().toString().replaceAll("\\{[^}]+}", "1");
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html, application/json;q=0.9")
                .header("Cookie", "REGISTRY_CSRF=matrix");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        List<MediaType> consumes = route.getConsumes();
        String method = route.getHttpMethodName();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")) {
            return new WebClient(server.getURI()).send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        if (consumes.contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                    .method(method, HttpRequest.BodyPublishers.ofString("_csrf=matrix"));
        } else if (consumes.contains(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            String boundary = "matrix" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nmatrix\r\n--" + boundary + "--\r\n"));
        } else {
            request.header("Content-Type", MediaType.APPLICATION_JSON).method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return new WebClient(server.getURI()).send(request);
    }

    private String token(String username) {
        HttpResponse<String> response = new WebClient(server.getURI()).postJson("/api/v1/staff/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private static Map<String, Set<String>> table(Object... rows) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) rows[i + 1];
            if (table.put((String) rows[i], roles) != null) {
                throw new IllegalArgumentException("twice in the table: " + rows[i]);
            }
        }
        return table.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }
}
