package org.fairrecruit.registry.complaint;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffApi;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff API calls of ../shared/API.md for complaints, fees and fee policies, driven through HTTP as written. */
@MicronautTest(transactional = false)
class ComplaintStaffApiTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures register;
    @Inject JsonMapper json;
    @Inject Sql sql;

    StaffApi operator;
    StaffApi investigator;
    StaffApi supervisor;
    StaffApi auditor;
    StaffApi admin;
    String operatorName;

    @BeforeEach
    void signIn() {
        URI uri = server.getURI();
        operatorName = staff.userWithRole(Roles.HOTLINE_OPERATOR);
        operator = StaffApi.as(uri, operatorName);
        investigator = StaffApi.as(uri, staff.userWithRole(Roles.INVESTIGATOR));
        supervisor = StaffApi.as(uri, staff.userWithRole(Roles.SUPERVISOR));
        auditor = StaffApi.as(uri, staff.userWithRole(Roles.AUDITOR));
        admin = StaffApi.as(uri, staff.userWithRole(Roles.ADMIN));
    }

    @Test
    void a_case_goes_from_a_phone_call_to_a_substantiated_finding_that_the_public_sees() throws IOException {
        long agency = register.agency("Contract Test Overseas").id();
        approvePolicy("QA", "{\"validFrom\":\"2020-01-01\",\"rule\":\"CEILING\",\"ceilings\":[{\"feeType\":\"RECRUITMENT_FEE\","
                + "\"maxAmount\":\"25000.00\",\"currency\":\"NPR\"}]}");

        HttpResponse<String> created = operator.post("/api/v1/staff/complaints", "{\"channel\":\"PHONE\","
                + "\"category\":\"PROHIBITED_FEES\",\"summary\":\"Paid 100000 NPR for a visa to Qatar.\",\"agencyId\":" + agency
                + ",\"destinationCountry\":\"QA\",\"reporter\":{\"name\":\"Hari Example\",\"phone\":\"+977 9800000003\","
                + "\"language\":\"ne\"}}");
        assertEquals(201, created.statusCode(), created.body());
        Map<?, ?> receipt = map(created);
        long id = ((Number) receipt.get("id")).longValue();
        String reference = (String) receipt.get("reference");
        assertEquals("RECEIVED", receipt.get("status"));

        List<?> found = (List<?>) map(investigator.get("/api/v1/staff/complaints?reference="
                + reference.toLowerCase().replace("-", "") + "&status=RECEIVED&page=0&size=5")).get("items");
        assertEquals(1, found.size());

        HttpResponse<String> illegal = investigator.post("/api/v1/staff/complaints/" + id + "/transitions",
                "{\"to\":\"UNDER_INVESTIGATION\",\"reason\":\"Skip triage\"}");
        assertEquals(409, illegal.statusCode());
        assertTrue(illegal.body().contains("RECEIVED") && illegal.body().contains("UNDER_INVESTIGATION"), illegal.body());
        assertEquals(200, investigator.post("/api/v1/staff/complaints/" + id + "/transitions",
                "{\"to\":\"TRIAGED\",\"reason\":\"Concerns a registered agency\"}").statusCode());
        assertEquals(200, investigator.post("/api/v1/staff/complaints/" + id + "/transitions",
                "{\"to\":\"UNDER_INVESTIGATION\",\"reason\":\"Receipts requested\"}").statusCode());

        HttpResponse<String> fee = investigator.post("/api/v1/staff/complaints/" + id + "/fees", "{\"feeType\":\"RECRUITMENT_FEE\","
                + "\"amount\":\"100000.00\",\"currency\":\"NPR\",\"paidOn\":\"" + LocalDate.now().minusMonths(3)
                + "\",\"paidTo\":\"AGENCY\",\"destinationCountry\":\"QA\"}");
        assertEquals(201, fee.statusCode(), fee.body());
        Map<?, ?> evaluated = map(fee);
        assertEquals(true, evaluated.get("prohibited"));
        assertEquals("75000.00", evaluated.get("prohibitedAmount"));
        assertTrue(evaluated.get("policyId") instanceof Number);

        HttpResponse<String> proposed = investigator.post("/api/v1/staff/complaints/" + id + "/outcome",
                "{\"outcome\":\"SUBSTANTIATED\",\"publicStatement\":{\"reason\":\"EVIDENCE_CONFIRMS\",\"remarks\":\"Receipts.\"},"
                        + "\"internalNote\":\"Agency clerk admitted it on tape.\"}");
        assertEquals(202, proposed.statusCode(), proposed.body());
        Map<?, ?> proposal = (Map<?, ?>) map(proposed).get("proposal");
        assertEquals("UNDER_INVESTIGATION", ((Map<?, ?>) map(investigator.get("/api/v1/staff/complaints/" + id))
                .get("summary")).get("status"), "still open until a supervisor approves");
        assertEquals(403, investigator.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}").statusCode(), "an investigator approves nothing");
        assertEquals(403, admin.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}").statusCode(), "ADMIN approves nothing");
        assertEquals(0L, substantiated(agency), "nothing public before the approval");

        assertEquals(200, supervisor.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}").statusCode());

        Map<?, ?> closed = map(investigator.get("/api/v1/staff/complaints/" + id));
        Map<?, ?> summary = (Map<?, ?>) closed.get("summary");
        assertEquals("RESOLVED", summary.get("status"));
        assertEquals("SUBSTANTIATED", summary.get("outcome"));
        assertEquals("EVIDENCE_CONFIRMS", ((Map<?, ?>) closed.get("publicStatement")).get("reason"));
        assertEquals("Agency clerk admitted it on tape.", closed.get("internalNote"));
        assertTrue(((List<?>) closed.get("events")).size() >= 5);

        HttpResponse<String> publicAgency = new WebClient(server.getURI()).getJson("/api/v1/public/agencies/" + agency);
        assertEquals(1L, substantiated(agency));
        Map<?, ?> fees = (Map<?, ?>) ((List<?>) map(publicAgency).get("prohibitedFees")).get(0);
        assertEquals("NPR", fees.get("currency"));
        assertEquals(75000.0, ((Number) fees.get("amount")).doubleValue());
        for (String secret : List.of(reference, "Hari", "9800000003", "clerk", "Paid 100000", "Receipts.")) {
            assertFalse(publicAgency.body().contains(secret), secret + " must not be public: " + publicAgency.body());
        }
        String page = new WebClient(server.getURI()).getHtml("/agencies/" + agency).body();
        assertTrue(page.contains("75000.00 NPR"), page);
        assertFalse(page.contains(reference) || page.contains("clerk") || page.contains("Hari"));
    }

    @Test
    void a_fee_policy_changes_only_when_a_supervisor_other_than_the_proposer_approves_it() throws IOException {
        assertEquals(403, investigator.put("/api/v1/staff/fee-policies/KW", "{\"validFrom\":\"2021-01-01\","
                + "\"rule\":\"EMPLOYER_PAYS\"}").statusCode());
        HttpResponse<String> proposed = admin.put("/api/v1/staff/fee-policies/KW", "{\"validFrom\":\"2021-01-01\","
                + "\"rule\":\"EMPLOYER_PAYS\"}");
        assertEquals(202, proposed.statusCode(), proposed.body());
        assertEquals("[]", admin.get("/api/v1/staff/fee-policies/KW").body(), "not in force before approval");
        Map<?, ?> proposal = map(proposed);
        assertEquals(403, admin.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}").statusCode());

        assertEquals(200, supervisor.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}").statusCode());

        List<Map> versions = json.readValue(admin.get("/api/v1/staff/fee-policies/KW").body(), Argument.listOf(Map.class));
        assertEquals("EMPLOYER_PAYS", versions.get(0).get("rule"));
        HttpResponse<String> invalid = admin.put("/api/v1/staff/fee-policies/KW", "{\"validFrom\":\"2022-01-01\","
                + "\"rule\":\"CEILING\",\"ceilings\":[{\"feeType\":\"BRIBE\",\"maxAmount\":\"10\",\"currency\":\"KWD\"},"
                + "{\"feeType\":\"MEDICAL\",\"maxAmount\":\"1.2345\",\"currency\":\"KWD\"}]}");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("ceilings[0].feeType") && invalid.body().contains("ceilings[1].maxAmount"),
                invalid.body());
    }

    @Test
    void each_role_gets_exactly_what_its_work_needs() throws IOException {
        String body = "{\"channel\":\"WALK_IN\",\"category\":\"DOCUMENT_RETENTION\",\"summary\":\"Passport kept.\","
                + "\"reporter\":{\"phone\":\"+63 900 000 0009\"}}";
        long own = ((Number) map(operator.post("/api/v1/staff/complaints", body)).get("id")).longValue();
        long other = ((Number) map(investigator.post("/api/v1/staff/complaints", body)).get("id")).longValue();
        investigator.post("/api/v1/staff/complaints/" + own + "/notes", "{\"text\":\"Suspect the caller's cousin.\"}");

        HttpResponse<String> ownView = operator.get("/api/v1/staff/complaints/" + own);
        assertEquals(200, ownView.statusCode());
        assertFalse(ownView.body().contains("cousin"), "no investigation notes for the operator");
        assertNull(map(ownView).get("internalNote"));
        assertEquals(403, operator.get("/api/v1/staff/complaints/" + other).statusCode());
        assertEquals(403, operator.get("/api/v1/staff/complaints").statusCode());
        assertEquals(403, operator.get("/api/v1/staff/complaints/" + own + "/contact").statusCode());
        assertEquals(403, operator.post("/api/v1/staff/complaints/" + own + "/transitions",
                "{\"to\":\"TRIAGED\",\"reason\":\"x\"}").statusCode());
        assertEquals(201, operator.post("/api/v1/staff/complaints/" + own + "/fees", "{\"feeType\":\"MEDICAL\","
                + "\"amount\":\"5000\",\"currency\":\"PHP\",\"paidOn\":\"2026-01-05\"}").statusCode());
        assertEquals(403, operator.post("/api/v1/staff/complaints/" + other + "/fees", "{\"feeType\":\"MEDICAL\","
                + "\"amount\":\"5000\",\"currency\":\"PHP\",\"paidOn\":\"2026-01-05\"}").statusCode());

        assertEquals(200, auditor.get("/api/v1/staff/complaints").statusCode());
        assertTrue(auditor.get("/api/v1/staff/complaints/" + own).body().contains("cousin"));
        for (HttpResponse<String> write : List.of(
                auditor.post("/api/v1/staff/complaints", body),
                auditor.post("/api/v1/staff/complaints/" + own + "/transitions", "{\"to\":\"TRIAGED\",\"reason\":\"x\"}"),
                auditor.post("/api/v1/staff/complaints/" + own + "/fees", "{\"feeType\":\"MEDICAL\",\"amount\":\"1\","
                        + "\"currency\":\"PHP\",\"paidOn\":\"2026-01-05\"}"),
                auditor.post("/api/v1/staff/complaints/" + own + "/notes", "{\"text\":\"x\"}"),
                auditor.post("/api/v1/staff/complaints/" + own + "/outcome", "{\"outcome\":\"WITHDRAWN\"}"),
                auditor.put("/api/v1/staff/fee-policies/NP", "{\"validFrom\":\"2021-01-01\",\"rule\":\"EMPLOYER_PAYS\"}"))) {
            assertEquals(403, write.statusCode(), write.uri().toString());
        }
        assertEquals(401, StaffApi.as(server.getURI(), null).get("/api/v1/staff/complaints").statusCode());
        assertEquals(401, StaffApi.as(server.getURI(), null).post("/api/v1/staff/complaints", body).statusCode());
    }

    @Test
    void viewing_contact_details_is_audited_every_time() throws IOException {
        long id = ((Number) map(operator.post("/api/v1/staff/complaints", "{\"channel\":\"PHONE\",\"category\":\"ABUSE\","
                + "\"summary\":\"Beaten.\",\"reporter\":{\"name\":\"Dewi Example\",\"email\":\"dewi@example.test\"}}"))
                .get("id")).longValue();
        long before = views(id);

        HttpResponse<String> contact = investigator.get("/api/v1/staff/complaints/" + id + "/contact");
        auditor.get("/api/v1/staff/complaints/" + id + "/contact");

        assertEquals("Dewi Example", map(contact).get("name"));
        assertEquals(before + 2, views(id));
        assertFalse(investigator.get("/api/v1/staff/complaints/" + id).body().contains("Dewi"));
    }

    @Test
    void bad_input_gets_field_errors_never_a_server_error() {
        for (String body : List.of("{}", "{\"channel\":\"FAX\",\"category\":\"OTHER\",\"summary\":\"x\"}",
                "{\"channel\":\"PHONE\",\"category\":\"OTHER\",\"summary\":\"\"}", "not json", "[1,2]",
                "{\"channel\":\"PHONE\",\"category\":\"OTHER\",\"summary\":\"x\",\"fees\":[{\"feeType\":\"MEDICAL\","
                        + "\"amount\":\"1e400\",\"currency\":\"USD\"}]}")) {
            HttpResponse<String> response = operator.post("/api/v1/staff/complaints", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
        }
        assertEquals(400, investigator.get("/api/v1/staff/complaints?status=OPENED").statusCode());
        assertEquals(400, investigator.get("/api/v1/staff/complaints?page=2147483647&size=100000").statusCode(), "paging out of bounds is refused (web.Paging)");
        assertEquals(404, investigator.get("/api/v1/staff/complaints/999999").statusCode());
    }

    private void approvePolicy(String country, String body) throws IOException {
        Map<?, ?> proposal = map(admin.put("/api/v1/staff/fee-policies/" + country, body));
        HttpResponse<String> approved = supervisor.post("/api/v1/staff/proposals/" + proposal.get("id") + "/approval",
                "{\"version\":" + proposal.get("version") + "}");
        assertEquals(200, approved.statusCode(), approved.body());
    }

    private long substantiated(long agency) throws IOException {
        return ((Number) map(new WebClient(server.getURI()).getJson("/api/v1/public/agencies/" + agency))
                .get("substantiatedComplaints")).longValue();
    }

    private long views(long id) {
        return sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.contact.viewed' AND entity_id = ?",
                String.valueOf(id));
    }

    private Map<?, ?> map(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }
}
