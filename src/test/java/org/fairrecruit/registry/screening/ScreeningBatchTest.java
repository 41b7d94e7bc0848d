package org.fairrecruit.registry.screening;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV batches through HTTP, screened by the scheduled worker as in production. */
@MicronautTest(transactional = false)
class ScreeningBatchTest {
    private static final String BATCHES = "/api/v1/screening/batches";
    private static final String[] WORDS = {"Everest", "Lumbini", "Annapurna", "Gorkha", "Sagar", "Kalinchowk", "Pokhara",
            "Makalu", "Rara", "Tilicho"};
    @Inject ScreeningCalls calls;
    @Inject RegisterFixtures register;
    @Inject io.micronaut.runtime.server.EmbeddedServer server;

    @Test
    @SuppressWarnings("unchecked")
    void ten_thousand_names_complete_with_progress_visible_and_the_same_results_as_match() throws Exception {
        String key = calls.issueKey();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            Agency agency = register.agency(WORDS[i] + " " + WORDS[(i + 3) % WORDS.length] + " Manpower Pvt. Ltd.");
            if (i % 2 == 0) {
                register.activeLicence(agency.id());
            }
            registered.add(agency.legalName());
        }
        String last = registered.get(registered.size() - 1);
        ScreeningCalls.await("agencies indexed", Duration.ofSeconds(15), () -> calls.post(key, "/api/v1/screening/match",
                "application/json", "{\"queries\":[{\"ref\":\"p\",\"name\":\"" + last + "\",\"type\":\"AGENCY\"}]}")
                .body().contains("MATCH"));
        List<Map<String, String>> queries = new ArrayList<>();
        StringBuilder csv = new StringBuilder("ref,name,type,country\r\n");
        for (int i = 0; i < 10_000; i++) {
            String name = switch (i % 4) {
                case 0 -> registered.get(i % registered.size());
                case 1 -> registered.get(i % registered.size()).replace("Manpower", "Manpowr").replace(" Pvt. Ltd.", "");
                case 2 -> WORDS[i % WORDS.length] + " Overseas Services";
                default -> "Person " + (char) ('A' + i % 26) + " Unknown";
            };
            String country = i % 3 == 0 ? "NP" : "";
            queries.add(Map.of("ref", "r" + i, "name", name, "type", "AGENCY", "country", country));
            csv.append("r").append(i).append(',').append(name).append(",AGENCY,").append(country).append("\r\n");
        }

        HttpResponse<String> accepted = calls.post(key, BATCHES, "text/csv", csv.toString());
        Map<String, Object> queued = calls.body(accepted, 202);
        String status = BATCHES + "/" + queued.get("batchId");
        List<Integer> progress = new ArrayList<>();
        ScreeningCalls.await("batch done", Duration.ofSeconds(240), () -> {
            Map<String, Object> now = calls.body(calls.get(key, status), 200);
            if ("RUNNING".equals(now.get("status"))) {
                progress.add(((Number) now.get("rowsDone")).intValue());
            }
            return "DONE".equals(now.get("status"));
        });
        assertTrue(progress.stream().anyMatch(done -> done > 0 && done < 10_000), "progress seen: " + progress);
        Map<String, Object> done = calls.body(calls.get(key, status), 200);
        assertEquals(10_000, ((Number) done.get("rowsDone")).intValue());

        // The file is streamed from the database page by page (no length known in advance), complete, and
        // hashes to what the status and the signed summary state.
        HttpResponse<byte[]> download = calls.getBytes(key, status + "/results.csv");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Length").isEmpty(), download.headers().map().toString());
        assertEquals(done.get("resultsSha256"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())));
        String results = new String(download.body(), StandardCharsets.UTF_8);
        Map<String, List<String>> fromBatch = new LinkedHashMap<>();
        for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(results))) {
            fromBatch.computeIfAbsent(row.get("ref"), r -> new ArrayList<>()).add(String.join("|", row.get("candidateId"),
                    row.get("score"), row.get("verdict"), row.get("explanation"), row.get("licenceStatus"), row.get("blacklisted")));
        }
        Map<String, List<String>> fromMatch = new LinkedHashMap<>();
        for (int from = 0; from < queries.size(); from += 1000) {
            Map<String, Object> answer = calls.body(calls.post(key, "/api/v1/screening/match", "application/json",
                    calls.write(Map.of("queries", queries.subList(from, from + 1000)))), 200);
            for (Map<String, Object> result : (List<Map<String, Object>>) answer.get("results")) {
                List<String> rows = new ArrayList<>();
                for (Map<String, Object> c : (List<Map<String, Object>>) result.get("candidates")) {
                    rows.add(String.join("|", (String) c.get("id"), String.valueOf(c.get("score")), (String) c.get("verdict"),
                            (String) c.get("explanation"), c.get("licenceStatus") == null ? "" : (String) c.get("licenceStatus"),
                            String.valueOf(c.get("blacklisted"))));
                }
                fromMatch.put((String) result.get("ref"), rows.isEmpty() ? List.of("||NONE|no match||") : rows);
            }
        }
        assertEquals(10_000, fromBatch.size());
        assertEquals(queries.stream().map(q -> q.get("ref")).toList(), List.copyOf(fromBatch.keySet()), "every row, in order");
        assertEquals(fromMatch, fromBatch);
        assertTrue(fromBatch.values().stream().anyMatch(rows -> rows.get(0).contains("|MATCH|")));
        assertTrue(fromBatch.values().stream().anyMatch(rows -> rows.get(0).contains("|NONE|no match|")));
    }

    @Test
    void a_bad_file_is_refused_whole_with_an_error_for_each_bad_row() {
        String key = calls.issueKey();
        HttpResponse<String> refused = calls.post(key, BATCHES, "text/csv",
                "ref,name,type,country\nok-1,Fine Name,AGENCY,NP\n,No Ref,AGENCY,\nbad-2,,PERSON,\nbad-3,Ship Co,SHIP,XX\n");

        assertEquals(400, refused.statusCode());
        for (String field : List.of("row[3].ref", "row[4].name", "row[5].type", "row[5].country")) {
            assertTrue(refused.body().contains("\"field\":\"" + field + "\""), refused.body());
        }
        assertTrue(!refused.body().contains("row[2]"), refused.body());
        assertEquals(400, calls.post(key, BATCHES, "text/csv", "name,kind\nA,B\n").statusCode());
        assertEquals(400, calls.post(key, BATCHES, "text/csv", "").statusCode());
        HttpResponse<String> latin1 = calls.post(key, BATCHES, "application/octet-stream", "ref,name,type\n1,Caf\u00e9,ANY\n");
        assertEquals(202, latin1.statusCode(), latin1.body());
    }

    @Test
    void the_results_prove_every_name_was_checked_and_the_signed_summary_verifies() throws Exception {
        String key = calls.issueKey("{\"organisation\":\"Evidence Keeping Employer\",\"contactEmail\":\"e@evidence.test\"}");
        Agency agency = register.agency("Dhaulagiri Career Links Pvt. Ltd.");
        ScreeningCalls.await("indexed", Duration.ofSeconds(10), () -> calls.post(key, "/api/v1/screening/match",
                "application/json", "{\"queries\":[{\"ref\":\"p\",\"name\":\"Dhaulagiri Career Links\",\"type\":\"AGENCY\"}]}")
                .body().contains("agency-" + agency.id()));
        Map<String, Object> queued = calls.body(calls.post(key, BATCHES, "text/csv",
                "ref,name,type\nd-1,Dhaulagiri Career Link,AGENCY\nd-2,Qwzx Plonk Trading,ANY\n"), 202);
        String status = BATCHES + "/" + queued.get("batchId");
        ScreeningCalls.await("batch done", Duration.ofSeconds(30),
                () -> "DONE".equals(calls.body(calls.get(key, status), 200).get("status")));

        byte[] results = calls.getBytes(key, status + "/results.csv").body();
        String text = new String(results, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ref,name,type,country,licenceNumber,candidateId,"), text);
        assertTrue(text.contains("d-1,Dhaulagiri Career Link,AGENCY,,,agency-" + agency.id()), text);
        assertTrue(text.contains("d-2,Qwzx Plonk Trading,ANY,,,,,,,,NONE,no match,,"), text);
        Map<String, Object> done = calls.body(calls.get(key, status), 200);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(results));
        assertEquals(sha, done.get("resultsSha256"));
        assertEquals(1, ((Number) done.get("noMatches")).intValue());

        HttpResponse<byte[]> pdf = calls.getBytes(key, status + "/summary.pdf");
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String printed = DocumentText.of(document).replaceAll("\\s+", "");
            assertTrue(printed.contains("EvidenceKeepingEmployer") && printed.contains(sha), printed);
            String url = DocumentText.qrCode(document);
            String code = url.substring(url.indexOf("/screening/verify/") + "/screening/verify/".length());
            Map<String, Object> verified = calls.body(calls.get(null, "/screening/verify/" + code), 200);
            assertEquals(true, verified.get("genuine"));
            assertEquals(sha, ((Map<?, ?>) verified.get("stated")).get("resultsSha256"));
            String forged = code.replaceFirst("^.", code.charAt(0) == 'A' ? "B" : "A");
            assertEquals(404, calls.get(null, "/screening/verify/" + forged).statusCode());
        }
        assertEquals(404, calls.get(calls.issueKey(), status).statusCode(), "another key does not see this batch");
    }

    @Test
    void odd_requests_to_the_screening_api_never_get_a_5xx() throws Exception {
        String key = calls.issueKey();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<java.net.http.HttpRequest> odd = List.of(
                request(key, "/api/v1/screening/batches/abc").GET().build(),
                request(key, "/api/v1/screening/batches/99999999999").GET().build(),
                request(key, "/api/v1/screening/batches/99999999999/summary.pdf").GET().build(),
                request(key, "/api/v1/screening/batches").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                request(key, "/api/v1/screening/batches").header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(),
                request(key, "/api/v1/screening/batches").header("Content-Type", "text/csv")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[]{(byte) 0xff, (byte) 0xfe, 0x41})).build(),
                request(key, "/api/v1/screening/batches").header("Content-Type", "text/csv")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("ref,name,type\n\"unterminated,x,ANY\n")).build(),
                request(key, "/api/v1/screening/watches/1/test").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                request(key, "/api/v1/screening/changes?since=c99999999999999999999").GET().build(),
                request(key, "/api/v1/screening/changes?since=c0&size=0").GET().build(),
                request(null, "/screening/verify/%E0%A4").GET().build(),
                request(key, "/api/v1/screening/match").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"queries\":[{\"ref\":1,\"name\":[]}]}")).build());
        for (java.net.http.HttpRequest request : odd) {
            int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(status < 500, request.method() + " " + request.uri() + " -> " + status);
        }
    }

    private java.net.http.HttpRequest.Builder request(String key, String path) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.getURI() + path));
        return key == null ? builder : builder.header("X-Api-Key", key);
    }
}
