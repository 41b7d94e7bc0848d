package org.fairrecruit.registry.licensing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff API walks the same lifecycle as the pages, with problem+json refusals. */
@MicronautTest(transactional = false)
class LicensingApiTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void officer_registers_applies_and_grants_and_a_second_supervisor_suspends_through_the_api() throws Exception {
        String officer = token(staff.userWithRole(Roles.LICENSING_OFFICER));
        String proposer = token(staff.userWithRole(Roles.SUPERVISOR));
        String approver = token(staff.userWithRole(Roles.SUPERVISOR));

        HttpResponse<String> invalid = call(officer, "POST", "/api/v1/staff/agencies",
                "{\"legalName\":\"\",\"registrationNumber\":\"API-1\",\"country\":\"XX\"}");
        assertEquals(400, invalid.statusCode());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(invalid.body().contains("\"field\":\"legalName\"") && invalid.body().contains("\"field\":\"country\""),
                invalid.body());

        Map<String, Object> agency = body(call(officer, "POST", "/api/v1/staff/agencies", """
                {"legalName":"Api Route Manpower Ltd.","registrationNumber":"API-1","country":"PH",
                 "email":"api@agency.test","destinations":["SA"]}"""), 201);
        Object agencyId = agency.get("id");
        Map<String, Object> found = body(call(officer, "GET", "/api/v1/staff/agencies?q=API-1", null), 200);
        assertEquals(agencyId, ((List<Map<String, Object>>) found.get("items")).get(0).get("id"));

        HttpResponse<String> stale = call(officer, "PUT", "/api/v1/staff/agencies/" + agencyId,
                "{\"version\":7,\"legalName\":\"Renamed\",\"registrationNumber\":\"API-1\",\"country\":\"PH\"}");
        assertEquals(409, stale.statusCode(), stale.body());

        Map<String, Object> view = body(call(officer, "POST", "/api/v1/staff/agencies/" + agencyId + "/applications", ""), 201);
        Map<String, Object> application = (Map<String, Object>) view.get("application");
        Object applicationId = application.get("id");
        for (Map<String, Object> item : (List<Map<String, Object>>) view.get("checklist")) {
            body(call(officer, "PUT", "/api/v1/staff/applications/" + applicationId + "/checklist/" + item.get("item"),
                    "{\"checked\":true}"), 200);
        }
        Map<String, Object> licence = body(call(officer, "POST", "/api/v1/staff/applications/" + applicationId + "/grant",
                "{\"version\":" + application.get("version") + ",\"screeningReviewed\":false}"), 200);
        assertEquals("ACTIVE", licence.get("status"));

        Map<String, Object> proposal = body(call(proposer, "POST", "/api/v1/staff/licences/" + licence.get("id") + "/proposals",
                "{\"action\":\"SUSPEND\",\"reason\":\"Fees charged.\",\"legalBasis\":\"s. 12\","
                        + "\"publicReason\":\"PROHIBITED_FEES\"}"), 201);
        String decision = "{\"version\":" + proposal.get("version") + "}";
        assertEquals(403, call(proposer, "POST", "/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                decision).statusCode());
        assertEquals(403, call(officer, "POST", "/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                decision).statusCode());
        body(call(approver, "POST", "/api/v1/staff/proposals/" + proposal.get("id") + "/approval", decision), 200);

        Map<String, Object> now = body(call(officer, "GET", "/api/v1/staff/licences/" + licence.get("id"), null), 200);
        assertEquals("SUSPENDED", ((Map<String, Object>) now.get("licence")).get("status"));
        assertEquals(3, ((List<?>) now.get("history")).size());
    }

    private String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = call(null, "POST", "/api/v1/staff/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}");
        return (String) body(response, 200).get("accessToken");
    }

    private Map<String, Object> body(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    private HttpResponse<String> call(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
