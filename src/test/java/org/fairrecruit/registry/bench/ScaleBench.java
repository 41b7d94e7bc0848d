package org.fairrecruit.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java half of bin/scale-bench (not a test):
 * <ul>
 *   <li>{@code queries JDBC_URL DIR} draws what the load generator asks from the scale set: searches for
 *   registered agency names and blacklisted persons, two in three with a typing mistake, with the entry each
 *   should find; agency pages, licence numbers, certificates; a 10,000-name screening CSV. And it fills
 *   {@code bench_peer_name} (every agency name and listed name, with a FULLTEXT index) for the peer.</li>
 *   <li>{@code peer JDBC_URL BASE_URL DIR SECONDS} runs the same searches as {@code LIKE '%…%'} and as a
 *   FULLTEXT query on the same MariaDB, two clients each, and prints their throughput and strict recall
 *   (the expected entry first) next to the service's (first result the expected entry with verdict MATCH).</li>
 * </ul>
 */
public final class ScaleBench {
    private static final Pattern FIRST_RESULT = Pattern.compile("\"results\":\\[\\{\"id\":\"([^\"]+)\"[^}]*?\"verdict\":\"([A-Z_]+)\"");
    private static final int SEARCHES = 2_000;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "queries" -> queries(args[1], Path.of(args[2]));
            case "peer" -> peer(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("queries or peer");
        }
    }

    private static void queries(String url, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection(url)) {
            List<String[]> named = new ArrayList<>();
            // Registered names of any kind (legal, trade, native...) and listed persons, in the data's own proportions.
            named.addAll(rows(c, "SELECT CONCAT('agency-', agency_id), name FROM agency_name ORDER BY RAND(1) LIMIT "
                    + SEARCHES * 7 / 10));
            named.addAll(rows(c, "SELECT CONCAT('blacklist-', id), name FROM blacklist_entry WHERE subject_type = 'PERSON' "
                    + "ORDER BY RAND(2) LIMIT " + SEARCHES * 3 / 10));
            java.util.Collections.shuffle(named, random);
            List<String> expected = new ArrayList<>();
            List<String> api = new ArrayList<>();
            List<String> html = new ArrayList<>();
            for (String[] entry : named) {
                String query = random.nextInt(3) == 0 ? entry[1] : typo(entry[1], random);
                expected.add(entry[0] + "\t" + query);
                String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
                api.add("/api/v1/public/search?q=" + q);
                html.add("/search?q=" + q);
            }
            Files.write(dir.resolve("expected.tsv"), expected);
            Files.write(dir.resolve("search-api.txt"), api);
            Files.write(dir.resolve("search-html.txt"), html);
            List<String[]> agencies = rows(c, "SELECT a.id, l.licence_number FROM agency a JOIN licence l ON l.agency_id = a.id "
                    + "WHERE l.licence_number IS NOT NULL ORDER BY RAND(3) LIMIT 2000");
            Files.write(dir.resolve("agencies.txt"), agencies.stream().map(a -> "/agencies/" + a[0]).toList());
            Files.write(dir.resolve("licences.txt"), agencies.stream().map(a -> "/api/v1/public/licences/" + a[1]).toList());
            Files.write(dir.resolve("certificates.txt"), agencies.stream().map(a -> "/agencies/" + a[0] + "/certificate.pdf").toList());
            // The measured batch, 5,000 agency and 5,000 person names; then 1,000 others for the warm-up batch.
            List<String[]> agencyNames = rows(c, "SELECT name, 'AGENCY' FROM agency_name ORDER BY RAND(4) LIMIT 5500");
            List<String[]> personNames = rows(c, "SELECT full_name, 'PERSON' FROM key_person ORDER BY RAND(5) LIMIT 5500");
            List<String[]> screened = new ArrayList<>(agencyNames.subList(0, 5000));
            screened.addAll(personNames.subList(0, 5000));
            List<String[]> warmUp = new ArrayList<>(agencyNames.subList(5000, 5500));
            warmUp.addAll(personNames.subList(5000, 5500));
            Files.write(dir.resolve("screening.csv"), screeningCsv(screened, random));
            Files.write(dir.resolve("screening-warm-up.csv"), screeningCsv(warmUp, random));
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_peer_name");
                s.execute("CREATE TABLE bench_peer_name (id BIGINT AUTO_INCREMENT PRIMARY KEY, ref VARCHAR(40) NOT NULL, "
                        + "name VARCHAR(300) NOT NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
                s.execute("INSERT INTO bench_peer_name (ref, name) SELECT CONCAT('agency-', agency_id), name FROM agency_name");
                s.execute("INSERT INTO bench_peer_name (ref, name) SELECT CONCAT('blacklist-', id), name FROM blacklist_entry");
                s.execute("INSERT INTO bench_peer_name (ref, name) SELECT CONCAT('blacklist-', entry_id), name FROM blacklist_alias");
                s.execute("ALTER TABLE bench_peer_name ADD FULLTEXT INDEX ft_peer_name (name)");
            }
        }
    }

    /** A screening CSV of these names, each with one typing mistake. */
    private static List<String> screeningCsv(List<String[]> names, Random random) {
        List<String> csv = new ArrayList<>(List.of("ref,name,type"));
        for (int i = 0; i < names.size(); i++) {
            csv.add("r" + i + ",\"" + typo(names.get(i)[0], random).replace("\"", "") + "\"," + names.get(i)[1]);
        }
        return csv;
    }

    /** One typing mistake in the longest word: a letter dropped, doubled, swapped with its neighbour or replaced. */
    static String typo(String name, Random random) {
        String[] words = name.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            longest = words[i].length() > words[longest].length() ? i : longest;
        }
        String w = words[longest];
        if (w.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(w.length() - 2);
        words[longest] = switch (random.nextInt(4)) {
            case 0 -> w.substring(0, at) + w.substring(at + 1);
            case 1 -> w.substring(0, at) + w.charAt(at) + w.substring(at);
            case 2 -> w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
            default -> w.substring(0, at) + (w.charAt(at) == 'a' ? 'e' : 'a') + w.substring(at + 1);
        };
        return String.join(" ", words);
    }

    private static void peer(String url, String base, Path dir, int seconds) throws Exception {
        List<String[]> searches = Files.readAllLines(dir.resolve("expected.tsv")).stream().map(l -> l.split("\t", 2)).toList();
        System.out.printf("%-44s %10s %14s%n", "search of the same " + searches.size() + " queries", "req/s", "strict recall");
        HttpClient http = HttpClient.newHttpClient();
        Engine ours = query -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/search?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            Matcher first = FIRST_RESULT.matcher(response.body());
            return first.find() && first.group(2).equals("MATCH") ? first.group(1) : null;
        };
        report("this service (API, fuzzy)", searches, seconds, () -> ours);
        report("MariaDB LIKE '%query%'", searches, seconds, () -> sqlEngine(url,
                "SELECT ref FROM bench_peer_name WHERE name LIKE CONCAT('%', ?, '%') ORDER BY LENGTH(name) LIMIT 20"));
        report("MariaDB FULLTEXT (natural language)", searches, seconds, () -> sqlEngine(url,
                "SELECT ref FROM bench_peer_name WHERE MATCH(name) AGAINST (?) ORDER BY MATCH(name) AGAINST (?) DESC LIMIT 20"));
    }

    interface Engine {
        /** The first result's reference (agency-N, blacklist-N, as kernel.PublicId writes them), or null when there is none. */
        String first(String query) throws Exception;
    }

    interface EngineFactory {
        Engine open() throws Exception;
    }

    private static Engine sqlEngine(String url, String sql) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql);
        int params = sql.split("\\?", -1).length - 1;
        return query -> {
            for (int i = 1; i <= params; i++) {
                ps.setString(i, query);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        };
    }

    /** Strict recall over every query once (one client), then throughput of two clients for the time given. */
    private static void report(String name, List<String[]> searches, int seconds, EngineFactory factory) throws Exception {
        Engine single = factory.open();
        int found = 0;
        int asked = 0;
        long recallDeadline = System.nanoTime() + seconds * 3_000_000_000L;
        for (String[] search : searches) {
            if (System.nanoTime() > recallDeadline) {
                break;
            }
            asked++;
            found += search[0].equals(single.first(search[1])) ? 1 : 0;
        }
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Engine engine = factory.open();
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        engine.first(searches.get(next.getAndIncrement() % searches.size())[1]);
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        System.out.printf("%-44s %10.1f %8.3f (%d queries)%n", name, done.get() / (double) seconds, found / (double) asked, asked);
    }

    private static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
