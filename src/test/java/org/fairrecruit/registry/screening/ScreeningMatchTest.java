package org.fairrecruit.registry.screening;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/screening/match through HTTP, against agencies made by the real services. */
@MicronautTest(transactional = false)
class ScreeningMatchTest {
    private static final String MATCH = "/api/v1/screening/match";
    @Inject ScreeningCalls calls;
    @Inject RegisterFixtures register;
    @Inject Sql sql;
    @Inject ChangeFeed feed;
    @Inject TransactionOperations<Connection> tx;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> candidates(String key, String queryJson) {
        Map<String, Object> body = calls.body(calls.post(key, MATCH, "application/json", "{\"queries\":[" + queryJson + "]}"), 200);
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) body.get("results")).get(0).get("candidates");
    }

    private void awaitIndexed(String key, String name) throws InterruptedException {
        ScreeningCalls.await(name + " in the name index", Duration.ofSeconds(10), () ->
                !candidates(key, "{\"ref\":\"probe\",\"name\":\"" + name + "\",\"type\":\"ANY\"}").isEmpty());
    }

    @Test
    void a_licensed_agency_is_a_match_with_its_explanation_licence_status_and_blacklisting() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Himal Sky Overseas Pvt. Ltd.");
        register.activeLicence(agency.id());
        awaitIndexed(key, "Himal Sky Overseas");

        List<Map<String, Object>> found = candidates(key, "{\"ref\":\"emp-1\",\"name\":\"Himal Skye Overseas Pvt Ltd\",\"type\":\"AGENCY\"}");

        Map<String, Object> best = found.get(0);
        assertEquals("agency-" + agency.id(), best.get("id"));
        assertEquals("AGENCY", best.get("type"));
        assertEquals("Himal Sky Overseas Pvt. Ltd.", best.get("name"));
        assertEquals("MATCH", best.get("verdict"));
        assertEquals("ACTIVE", best.get("licenceStatus"));
        assertEquals(false, best.get("blacklisted"));
        assertTrue(((String) best.get("explanation")).contains("'Skye'"), (String) best.get("explanation"));
        double score = ((Number) best.get("score")).doubleValue();
        assertTrue(score > 0.85 && score < 1, "score " + score);
    }

    @Test
    void a_blacklisted_person_is_a_candidate_marked_blacklisted() throws Exception {
        String key = calls.issueKey();
        tx.executeWrite(status -> {
            long id = sql.insert("""
                    INSERT INTO blacklist_entry (subject_type, name, nationality, reason_category, legal_basis, listed_on,
                        created_at) VALUES ('PERSON', 'Bishnu Prasad Adhikari', 'NP', 'ILLEGAL_RECRUITMENT', 'Act s. 6',
                        '2025-01-01', NOW(6))""");
            feed.record(EntityKind.BLACKLIST_ENTRY, id);
            return null;
        });
        awaitIndexed(key, "Bishnu Prasad Adhikari");

        Map<String, Object> best = candidates(key, "{\"ref\":\"p\",\"name\":\"Adhikari Bishnu Prasad\",\"type\":\"PERSON\"}").get(0);

        assertTrue(((String) best.get("id")).startsWith("blacklist-"), best.toString());
        assertEquals("PERSON", best.get("type"));
        assertEquals(true, best.get("blacklisted"));
        assertTrue(((String) best.get("explanation")).contains("word order differs"), best.toString());
    }

    @Test
    void country_and_licence_number_raise_or_lower_the_score_and_the_explanation_says_so() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Trishul Gulf Manpower Pvt. Ltd.");
        Licence licence = register.activeLicence(agency.id());
        awaitIndexed(key, "Trishul Gulf Manpower");
        String name = "\"name\":\"Trishul Gulf Manpowr\",\"type\":\"AGENCY\"";

        double plain = score(candidates(key, "{\"ref\":\"a\"," + name + "}").get(0));
        Map<String, Object> sameCountry = candidates(key, "{\"ref\":\"b\"," + name + ",\"country\":\"np\"}").get(0);
        Map<String, Object> otherCountry = candidates(key, "{\"ref\":\"c\"," + name + ",\"country\":\"PH\"}").get(0);
        Map<String, Object> sameLicence = candidates(key, "{\"ref\":\"d\"," + name + ",\"licenceNumber\":\""
                + licence.licenceNumber().toLowerCase().replace('-', ' ') + "\"}").get(0);
        Map<String, Object> otherLicence = candidates(key, "{\"ref\":\"e\"," + name + ",\"licenceNumber\":\"RA-1999-99999\"}").get(0);

        assertTrue(score(sameCountry) > plain && ((String) sameCountry.get("explanation")).contains("registered in NP as asked"),
                sameCountry.toString());
        assertTrue(score(otherCountry) < plain && ((String) otherCountry.get("explanation")).contains("registered in NP, not PH"),
                otherCountry.toString());
        assertTrue(score(sameLicence) > plain && ((String) sameLicence.get("explanation"))
                .contains("licence number " + licence.licenceNumber() + " matches"), sameLicence.toString());
        assertTrue(score(otherLicence) < plain && ((String) otherLicence.get("explanation")).contains("not RA-1999-99999"),
                otherLicence.toString());
    }

    @Test
    void the_same_data_gives_the_same_answer_and_every_screening_is_stored() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Kanchan Recruitment Services");
        awaitIndexed(key, "Kanchan Recruitment Services");
        String body = "{\"queries\":[{\"ref\":\"k1\",\"name\":\"Kanchan Recruitment Service\",\"type\":\"AGENCY\"},"
                + "{\"ref\":\"k2\",\"name\":\"Zzyzx Quorble Holdings\",\"type\":\"ANY\"}]}";
        long before = sql.count("SELECT COUNT(*) FROM screening WHERE kind = 'MATCH'");

        String first = calls.post(key, MATCH, "application/json", body).body();
        String second = calls.post(key, MATCH, "application/json", body).body();

        assertEquals(first, second);
        assertTrue(first.contains("\"ref\":\"k2\",\"candidates\":[]"), first);
        assertTrue(first.contains("agency-" + agency.id()), first);
        List<String> stored = sql.list("SELECT asked, answered FROM screening WHERE kind = 'MATCH' ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1) + "\n" + rs.getString(2));
        assertEquals(before + 2, sql.count("SELECT COUNT(*) FROM screening WHERE kind = 'MATCH'"));
        assertTrue(stored.get(0).contains("Kanchan Recruitment Service") && stored.get(0).contains("agency-" + agency.id()),
                stored.get(0));
        assertEquals(calls.map(first).get("results"), calls.list(stored.get(0).split("\n")[1]));
    }

    @Test
    void bad_queries_are_refused_field_by_field_and_odd_bodies_never_get_a_5xx() {
        String key = calls.issueKey();
        HttpResponse<String> invalid = calls.post(key, MATCH, "application/json",
                "{\"queries\":[{\"ref\":\"\",\"name\":\"A\",\"type\":\"SHIP\",\"country\":\"XX\"}]}");
        assertEquals(400, invalid.statusCode());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());
        for (String field : List.of("queries[0].ref", "queries[0].type", "queries[0].country")) {
            assertTrue(invalid.body().contains("\"field\":\"" + field + "\""), invalid.body());
        }
        StringBuilder many = new StringBuilder("{\"queries\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"ref\":\"").append(i).append("\",\"name\":\"N\",\"type\":\"ANY\"}");
        }
        HttpResponse<String> tooMany = calls.post(key, MATCH, "application/json", many.append("]}").toString());
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("at most 1000"), tooMany.body());
        for (String odd : List.of("", "{", "[]", "{\"queries\":null}", "{\"queries\":[null]}", "{\"queries\":\"x\"}")) {
            int status = calls.post(key, MATCH, "application/json", odd).statusCode();
            assertTrue(status >= 400 && status < 500, odd + " -> " + status);
        }
    }

    private static double score(Map<String, Object> candidate) {
        return ((Number) candidate.get("score")).doubleValue();
    }
}
