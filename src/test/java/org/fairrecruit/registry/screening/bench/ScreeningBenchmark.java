package org.fairrecruit.registry.screening.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.fairrecruit.registry.identity.ApiKeys;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end time of a 10,000-name screening batch on a registry of a given size: loads synthetic
 * agencies (legal and trade names, half of them licensed) and blacklisted persons into a fresh
 * embedded MariaDB, starts the service (name index built at start-up), then uploads the batch over
 * HTTP and polls it until DONE. The same names through /match (10 calls of 1,000) and a constant
 * endpoint (/ping) are timed in the same run. Not a test: run it by hand (bin/screening-bench).
 * With {@code -Dbench.csv=<file>} nothing is loaded: the service starts on the database already in
 * {@code bench.db} (a copy of the scale set) and the batch is that CSV (scale-bench prepare draws one).
 */
public final class ScreeningBenchmark {
    private static final String[] BRAND = {"Global", "Royal", "Golden", "Silver", "Blue", "Green", "Sky", "Sun", "Star",
            "Asia", "Gulf", "Himalayan", "Everest", "Ocean", "Pacific", "United", "National", "First", "New", "Grand"};
    private static final String[] TRADE = {"Manpower", "Recruitment", "Overseas", "Employment", "Human Resources",
            "Placement", "Services", "Consultants", "Agency", "International"};
    private static final String[] LEGAL = {"Pvt. Ltd.", "Private Limited", "Ltd", "Inc.", "Corporation", ""};
    private static final String[] GIVEN = {"Mohammad", "Md.", "Abdul", "Ram", "Krishna", "Hari", "Gita", "Sita", "Maria",
            "Jose", "Siti", "Nur", "Rina", "Arjun", "Kamal", "Rahim", "Fatima", "Juan", "Ana", "Dewi"};
    private static final String[] FAMILY = {"Thapa", "Gurung", "Tamang", "Magar", "Rai", "Shrestha", "Adhikari", "Rahman",
            "Hossain", "Chowdhury", "Santos", "Reyes", "Cruz", "Wijaya", "Susanto", "Perera", "Silva", "Karki", "Bhandari"};
    private static final String[] SYLLABLES = {"ka", "ra", "ma", "na", "ta", "sa", "la", "pa", "da", "ga", "ba", "ha",
            "ri", "ki", "mi", "ni", "to", "su", "lu", "po", "de", "go", "bu", "he", "sh", "ya", "wa", "jo"};
    private final Random random = new Random(17);
    private final List<String> rare = new ArrayList<>();

    private ScreeningBenchmark() {
        for (int i = 0; i < 20_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int s = 0; s < 2 + random.nextInt(3); s++) {
                word.append(pick(SYLLABLES));
            }
            rare.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
    }

    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String directory = System.getProperty("bench.db", "target/screening-bench-db");
        String csv = System.getProperty("bench.csv");
        Map<String, Object> properties = Map.of("registry.embedded-db.directory", directory,
                "registry.demo.enabled", false, "registry.security.secure-cookies", false,
                "registry.api-keys.default-requests-per-minute", 100_000,
                "registry.public-rate-limit.requests-per-minute", 100_000_000);
        try {
            if (csv == null) {
                new ScreeningBenchmark().run(properties, agencies, persons, rows);
            } else {
                // ref,"name",type as scale-bench writes them (no comma or quote inside a name)
                List<String[]> queries = Files.readAllLines(Path.of(csv)).stream().skip(1)
                        .map(line -> line.replace("\"", "").split(",", -1)).toList();
                new ScreeningBenchmark().measure(properties, queries);
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // The service's scheduler threads would keep the JVM alive after a failure.
            System.exit(0);
        }
    }

    private void run(Map<String, Object> properties, int agencyCount, int personCount, int rows) throws Exception {
        List<String> agencyNames = new ArrayList<>();
        List<String> personNames = new ArrayList<>();
        long loadStart = System.nanoTime();
        try (ApplicationContext loader = ApplicationContext.run(properties)) {
            load(loader, agencyCount, personCount, agencyNames, personNames);
        }
        System.out.printf("loaded %,d agencies and %,d listed persons in %.1f s%n", agencyCount, personCount,
                seconds(loadStart));
        measure(properties, queries(agencyNames, personNames, rows));
    }

    private void measure(Map<String, Object> properties, List<String[]> queries) throws Exception {
        int rows = queries.size();
        long startup = System.nanoTime();
        try (ApplicationContext app = Micronaut.build(new String[0]).properties(properties).banner(false).start()) {
            EmbeddedServer server = app.getBean(EmbeddedServer.class);
            System.out.printf("service started with its name index in %.1f s%n", seconds(startup));
            String key = server.getApplicationContext().getBean(ApiKeys.class).issue("bench",
                    new ApiKeys.KeyRequest("Benchmark", "bench@bench.test", null, 100_000)).key();
            StringBuilder csv = new StringBuilder("ref,name,type\n");
            queries.forEach(q -> csv.append(q[0]).append(',').append(q[1]).append(',').append(q[2]).append('\n'));
            System.out.printf("load average before the batch: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            HttpClient http = HttpClient.newHttpClient();
            String base = server.getURI().toString();

            long ping = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                send(http, HttpRequest.newBuilder(URI.create(base + "/ping")).GET().build());
            }
            System.out.printf("/ping (baseline): %.2f ms per request, one client%n", seconds(ping) * 1000 / 1000);

            long cpuStart = processCpuNanos();
            long gcStart = gcMillis();
            long batchStart = System.nanoTime();
            HttpResponse<String> queued = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/batches"))
                    .header("X-Api-Key", key).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
            expect(202, queued);
            double accepted = seconds(batchStart);
            Matcher id = Pattern.compile("\"batchId\":(\\d+)").matcher(queued.body());
            id.find();
            String status;
            do {
                Thread.sleep(100);
                status = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/batches/" + id.group(1)))
                        .header("X-Api-Key", key).GET().build()).body();
            } while (!status.contains("\"status\":\"DONE\""));
            double batchSeconds = seconds(batchStart);
            // The service and this client share the JVM; the client only polls.
            System.out.printf("during the batch: %.2f cores busy on average (process CPU time / wall time), "
                    + "garbage collection %.1f s%n", (processCpuNanos() - cpuStart) / 1e9 / batchSeconds,
                    (gcMillis() - gcStart) / 1e3);
            String batch = base + "/api/v1/screening/batches/" + id.group(1);
            long results = System.nanoTime();
            // Streamed and hashed, not held: the client shares the service's heap in this JVM.
            HttpResponse<InputStream> csvResults = http.send(HttpRequest.newBuilder(URI.create(batch + "/results.csv"))
                    .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (InputStream body = new DigestInputStream(csvResults.body(), sha256)) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            double resultsSeconds = seconds(results);
            if (csvResults.statusCode() != 200 || !status.contains(HexFormat.of().formatHex(sha256.digest()))) {
                throw new IllegalStateException("results.csv: " + csvResults.statusCode() + ", hash differs from " + status);
            }
            long summary = System.nanoTime();
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(batch + "/summary.pdf"))
                    .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() != 200) {
                throw new IllegalStateException("summary.pdf: " + pdf.statusCode());
            }
            System.out.printf("batch of %,d names: accepted in %.2f s, DONE after %.1f s end to end (%.0f names/s); "
                    + "results.csv (%,d bytes, hash as stated) in %.2f s; summary.pdf in %.2f s%n", rows, accepted,
                    batchSeconds, rows / batchSeconds, bytes, resultsSeconds, seconds(summary));

            long matchStart = System.nanoTime();
            for (int from = 0; from < queries.size(); from += 1000) {
                StringBuilder body = new StringBuilder("{\"queries\":[");
                for (int i = from; i < Math.min(queries.size(), from + 1000); i++) {
                    String[] q = queries.get(i);
                    body.append(i == from ? "" : ",").append("{\"ref\":\"").append(q[0]).append("\",\"name\":\"")
                            .append(q[1]).append("\",\"type\":\"").append(q[2]).append("\"}");
                }
                expect(200, send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/match"))
                        .header("X-Api-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build()));
            }
            double matchSeconds = seconds(matchStart);
            System.out.printf("/match, %,d names in 10 calls: %.1f s (%.0f names/s)%n", rows, matchSeconds, rows / matchSeconds);

            System.out.println(status);
        }
    }

    private void load(ApplicationContext context, int agencyCount, int personCount, List<String> agencyNames,
                      List<String> personNames) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < agencyCount; from += 5_000) {
            int to = Math.min(agencyCount, from + 5_000);
            int first = from;
            tx.executeWrite(status -> jdbc.execute(c -> {
                try (PreparedStatement agency = c.prepareStatement("INSERT INTO agency (id, legal_name, registration_number, "
                        + "country, created_at) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement name = c.prepareStatement("INSERT INTO agency_name (agency_id, name, kind) VALUES (?, ?, ?)");
                     PreparedStatement licence = c.prepareStatement("INSERT INTO licence (agency_id, licence_number, status, "
                             + "valid_from, valid_until, created_at) VALUES (?, ?, 'ACTIVE', '2024-01-01', '2028-01-01', ?)")) {
                    for (int i = first; i < to; i++) {
                        long id = i + 1;
                        String legal = agencyName();
                        agencyNames.add(legal);
                        agency.setLong(1, id);
                        agency.setString(2, legal);
                        agency.setString(3, "BENCH-" + id);
                        agency.setString(4, pick(new String[]{"NP", "BD", "ID", "PH", "LK"}));
                        agency.setTimestamp(5, now);
                        agency.addBatch();
                        name.setLong(1, id);
                        name.setString(2, legal);
                        name.setString(3, "LEGAL");
                        name.addBatch();
                        for (int t = random.nextInt(4); t > 0; t--) {
                            name.setLong(1, id);
                            name.setString(2, agencyName());
                            name.setString(3, "TRADE");
                            name.addBatch();
                        }
                        if (i % 2 == 0) {
                            licence.setLong(1, id);
                            licence.setString(2, "RA-2024-" + id);
                            licence.setTimestamp(3, now);
                            licence.addBatch();
                        }
                    }
                    agency.executeBatch();
                    name.executeBatch();
                    licence.executeBatch();
                }
                return null;
            }));
        }
        for (int from = 0; from < personCount; from += 10_000) {
            int size = Math.min(personCount, from + 10_000) - from;
            tx.executeWrite(status -> jdbc.execute(c -> {
                try (PreparedStatement entry = c.prepareStatement("INSERT INTO blacklist_entry (subject_type, name, "
                        + "nationality, reason_category, legal_basis, listed_on, created_at) "
                        + "VALUES ('PERSON', ?, 'NP', 'ILLEGAL_RECRUITMENT', 'Act s. 6', '2025-01-01', ?)")) {
                    for (int i = 0; i < size; i++) {
                        String person = personName();
                        personNames.add(person);
                        entry.setString(1, person);
                        entry.setTimestamp(2, now);
                        entry.addBatch();
                    }
                    entry.executeBatch();
                }
                return null;
            }));
        }
    }

    /** Registered names as employers type them (a letter off, legal form dropped), exactly, and names of no one. */
    private List<String[]> queries(List<String> agencies, List<String> persons, int count) {
        List<String[]> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            String name;
            String type;
            if (kind < 4) {
                name = typo(agencies.get(random.nextInt(agencies.size())));
                type = "AGENCY";
            } else if (kind < 6) {
                name = agencies.get(random.nextInt(agencies.size()));
                type = "ANY";
            } else if (kind < 8 && !persons.isEmpty()) {
                name = typo(persons.get(random.nextInt(persons.size())));
                type = "PERSON";
            } else {
                name = pick(BRAND) + " " + pick(rare) + " " + pick(TRADE);
                type = "ANY";
            }
            queries.add(new String[]{"q" + i, name.replace(",", " "), type});
        }
        return queries;
    }

    private String typo(String name) {
        int at = 1 + random.nextInt(Math.max(1, name.length() - 2));
        return name.substring(0, at) + name.substring(at + 1);
    }

    private String agencyName() {
        String brand = random.nextInt(3) == 0 ? pick(rare) + " " + pick(BRAND) : pick(BRAND) + " " + pick(BRAND);
        return (brand + " " + pick(TRADE) + " " + pick(LEGAL)).strip();
    }

    private String personName() {
        return pick(GIVEN) + " " + (random.nextInt(3) == 0 ? pick(rare) + " " : "") + pick(FAMILY);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
