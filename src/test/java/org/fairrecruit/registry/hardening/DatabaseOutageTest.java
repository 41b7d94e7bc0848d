package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RawHttp;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded MariaDB killed (kill -9 of the server process, a child of this JVM) and paused
 * (SIGSTOP) in the middle of a stream of writes and reads. Every write the service acknowledged is
 * still there afterwards, every other answer is a 503 with Retry-After (never another 5xx, never a
 * hang), liveness stays UP, and the service recovers by itself.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;

    private record Outcome(String registrationNumber, long id) {
    }

    @Test
    void killed_database_loses_no_acknowledged_write_and_recovers_without_a_restart() throws Exception {
        String token = ApiTokens.issue(server, staff.userWithRole(Roles.LICENSING_OFFICER));
        Stream stream = new Stream(token);
        stream.start(3);
        Thread.sleep(2_000);
        long killedAt = System.nanoTime();
        kill("-KILL");
        waitUntilWritable(token, Duration.ofSeconds(90));
        double recovery = (System.nanoTime() - killedAt) / 1e9;
        Thread.sleep(2_000);
        stream.stop();

        List<String> lost = stream.lostAcknowledgements(token);
        Map<String, Object> figures = new java.util.TreeMap<>();
        stream.answers.forEach((kind, count) -> figures.put("requests." + kind, count.get()));
        figures.putAll(Map.of("faults.injected", "kill -9 of mariadbd during the stream", "acknowledged", stream.acknowledged.size(),
                "refused503", stream.refused.get(), "lost", lost.size(), "otherServerErrors", stream.serverErrors.size(),
                "recoverySeconds", String.format("%.1f", recovery)));
        AttackLedger.figures("database-killed", figures);
        assertTrue(stream.serverErrors.isEmpty(), "5xx other than 503 with Retry-After: " + stream.serverErrors);
        assertTrue(lost.isEmpty(), "acknowledged but gone: " + lost);
        assertTrue(stream.acknowledged.size() > 10, "the stream wrote before and after the outage");
        assertTrue(stream.refused.get() > 0, "the outage was seen");
        assertEquals(0, stream.livenessDown.get(), "liveness stays UP while the database is down");
    }

    @Test
    void paused_database_makes_nothing_hang_beyond_the_timeouts() throws Exception {
        String token = ApiTokens.issue(server, staff.userWithRole(Roles.LICENSING_OFFICER));
        kill("-STOP");
        try {
            long started = System.nanoTime();
            RawHttp.Response response = write(token);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(503, response.status(), response.body());
            assertTrue(seconds < 13, "answered after " + seconds + " s");
            System.out.printf("paused database: answered 503 after %.1f s%n", seconds);
        } finally {
            kill("-CONT");
        }
        waitUntilWritable(token, Duration.ofSeconds(60));
    }

    /** Signals the MariaDB server this JVM started (and only that one). */
    private static void kill(String signal) throws IOException, InterruptedException {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false)).toList();
        assertEquals(1, servers.size(), "one embedded server below this JVM");
        Process kill = new ProcessBuilder("kill", signal, Long.toString(servers.get(0).pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private RawHttp.Response write(String token) {
        int n = SEQUENCE.incrementAndGet();
        String body = "{\"legalName\":\"Outage Stream Agency " + n + "\",\"registrationNumber\":\"OUT-" + n + "-" + System.nanoTime()
                + "\",\"country\":\"NP\",\"address\":\"Ward " + n + "\",\"phone\":null,\"email\":null,\"website\":null,"
                + "\"tradeNames\":[],\"aliases\":[],\"nativeNames\":[],\"destinations\":[\"QA\"]}";
        return new RawHttp(server.getURI()).request("POST", "/api/v1/staff/agencies", Attacks.headers("Authorization",
                "Bearer " + token, "Content-Type", "application/json", "Accept", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private void waitUntilWritable(String token, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        RawHttp.Response last = null;
        while (System.nanoTime() < deadline) {
            last = write(token);
            if (last.status() == 201) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not recover within " + limit + "; last answer " + last.status() + " " + last.body());
    }

    /** Writers and readers hitting the service until stopped, recording what each answer said. */
    private final class Stream {
        final String token;
        final ConcurrentLinkedQueue<Outcome> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger livenessDown = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService threads = Executors.newCachedThreadPool();

        Stream(String token) {
            this.token = token;
        }

        void start(int writers) {
            for (int i = 0; i < writers; i++) {
                threads.submit(this::writeLoop);
            }
            threads.submit(this::readLoop);
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        }

        private void writeLoop() {
            while (running.get()) {
                RawHttp.Response response = write(token);
                count("write", response);
                Matcher id = ID.matcher(response.body());
                Matcher reg = Pattern.compile("\"registrationNumber\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
                if (response.status() == 201 && id.find() && reg.find()) {
                    acknowledged.add(new Outcome(reg.group(1), Long.parseLong(id.group(1))));
                }
            }
        }

        private void readLoop() {
            RawHttp raw = new RawHttp(server.getURI());
            while (running.get()) {
                count("read", raw.request("GET", "/agencies/1", Map.of("Accept", "text/html"), new byte[0]));
                count("search", raw.request("GET", "/api/v1/public/search?q=Outage", Map.of("Accept", "application/json"), new byte[0]));
                if (raw.request("GET", "/health/liveness", Map.of(), new byte[0]).status() != 200) {
                    livenessDown.incrementAndGet();
                }
            }
        }

        private void count(String kind, RawHttp.Response response) {
            answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (response.status() == 503 && response.header("retry-after") != null) {
                refused.incrementAndGet();
            } else if (response.status() >= 500) {
                serverErrors.add(kind + " " + response.status() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        }

        /** Every acknowledged agency, read back after recovery: those not there (or not the same) were lost. */
        List<String> lostAcknowledgements(String token) {
            RawHttp raw = new RawHttp(server.getURI());
            List<String> lost = new ArrayList<>();
            for (Outcome outcome : acknowledged) {
                RawHttp.Response back = raw.request("GET", "/api/v1/staff/agencies/" + outcome.id(),
                        Attacks.headers("Authorization", "Bearer " + token, "Accept", "application/json"), new byte[0]);
                if (back.status() != 200 || !back.body().contains(outcome.registrationNumber())) {
                    lost.add(outcome + " -> " + back.status());
                }
            }
            return lost;
        }
    }
}
