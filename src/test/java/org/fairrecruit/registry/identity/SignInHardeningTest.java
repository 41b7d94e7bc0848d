package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SignInHardeningTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject Sql sql;
    @Inject SignInThrottle throttle;

    @Test
    void parallel_wrong_passwords_are_all_counted_and_none_answers_5xx() throws Exception {
        String username = staff.userWithRole(Roles.LICENSING_OFFICER);
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int guess = i;
                answers.add(pool.submit(() -> tokenRequest(username, "guess " + guess, "198.51.100." + guess).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertTrue(statuses.stream().allMatch(status -> status == 401), statuses.toString());
        assertEquals(20, sql.count("SELECT COALESCE(SUM(failures), 0) FROM sign_in_throttle WHERE scope = 'A' AND username = ?",
                username));
    }

    @Test
    void five_guesses_from_one_address_pause_that_address_only_and_the_owner_is_told_by_mail() {
        String username = staff.userWithRole(Roles.SUPERVISOR);
        for (int i = 0; i < 5; i++) {
            tokenRequest(username, "guess " + i, "203.0.113.7");
        }

        assertEquals(401, tokenRequest(username, StaffFixtures.PASSWORD, "203.0.113.7").statusCode());
        assertEquals(200, tokenRequest(username, StaffFixtures.PASSWORD, "192.0.2.50").statusCode());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message m JOIN staff_user u ON m.recipient = u.email "
                + "WHERE u.username = ? AND m.message_key LIKE 'sign-in-paused-%'", username));
    }

    @Test
    void ended_windows_are_forgotten_and_open_ones_kept() {
        String ended = staff.userWithRole(Roles.AUDITOR);
        String open = staff.userWithRole(Roles.AUDITOR);
        tokenRequest(ended, "guess", "203.0.113.40");
        tokenRequest(open, "guess", "203.0.113.41");
        sql.update("UPDATE sign_in_throttle SET window_until = ? WHERE username = ? OR client_address = ?",
                Instant.now().minusSeconds(60), ended, "203.0.113.40");

        throttle.forgetEnded();

        assertEquals(0, sql.count("SELECT COUNT(*) FROM sign_in_throttle WHERE username = ? OR client_address = ?",
                ended, "203.0.113.40"));
        assertEquals(2, sql.count("SELECT COUNT(*) FROM sign_in_throttle WHERE username = ? OR client_address = ?",
                open, "203.0.113.41"));
    }

    @Test
    void a_stranger_guessing_from_elsewhere_cannot_keep_the_officer_out() {
        String username = staff.userWithRole(Roles.ADMIN);
        for (int i = 0; i < 30; i++) {
            tokenRequest(username, "guess " + i, "203.0.113.99");
        }

        WebClient officer = new WebClient(server.getURI());
        officer.getHtml("/login");
        HttpResponse<String> login = officer.postForm("/login", Map.of("username", username, "password", StaffFixtures.PASSWORD));

        assertEquals(303, login.statusCode(), login.body());
    }

    @Test
    void locked_unknown_and_wrong_get_the_same_answer() {
        String locked = staff.userWithRole(Roles.INVESTIGATOR);
        String known = staff.userWithRole(Roles.INVESTIGATOR);
        for (int i = 0; i < 5; i++) {
            tokenRequest(locked, "guess " + i, "198.18.0.1");
        }

        HttpResponse<String> lockedAnswer = tokenRequest(locked, StaffFixtures.PASSWORD, "198.18.0.1");
        HttpResponse<String> unknownAnswer = tokenRequest("nobody-" + known, "whatever", "198.18.0.2");
        HttpResponse<String> wrongAnswer = tokenRequest(known, "not the password", "198.18.0.3");

        assertEquals(401, lockedAnswer.statusCode());
        assertEquals(lockedAnswer.statusCode(), unknownAnswer.statusCode());
        assertEquals(lockedAnswer.statusCode(), wrongAnswer.statusCode());
        assertEquals(lockedAnswer.body(), unknownAnswer.body());
        assertEquals(lockedAnswer.body(), wrongAnswer.body());
    }

    @Test
    void locked_unknown_and_wrong_take_the_same_time() {
        String locked = staff.userWithRole(Roles.INVESTIGATOR);
        String known = staff.userWithRole(Roles.INVESTIGATOR);
        for (int i = 0; i < 5; i++) {
            tokenRequest(locked, "guess " + i, "198.18.1.1");
        }
        long[] medians = medianMillis(List.of(
                () -> tokenRequest(locked, StaffFixtures.PASSWORD, "198.18.1.1"),
                () -> tokenRequest("nobody-" + known, "whatever", "198.18.1.2"),
                () -> tokenRequest(known, "not the password", "198.18.1.3")));

        long slowest = Arrays.stream(medians).max().orElseThrow();
        long fastest = Arrays.stream(medians).min().orElseThrow();
        // A password check (Argon2id) dominates every answer; a refusal without one took 7 ms against 150 ms.
        assertTrue(fastest * 2 > slowest, "locked " + medians[0] + " ms, unknown " + medians[1] + " ms, wrong " + medians[2] + " ms");
    }

    /** Each attempt's median of seven, taken in turns, so a machine that slows down meanwhile slows them all alike. */
    private long[] medianMillis(List<Runnable> attempts) {
        long[][] times = new long[attempts.size()][7];
        for (int round = 0; round < 7; round++) {
            for (int a = 0; a < attempts.size(); a++) {
                long start = System.nanoTime();
                attempts.get(a).run();
                times[a][round] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        long[] medians = new long[attempts.size()];
        for (int a = 0; a < attempts.size(); a++) {
            Arrays.sort(times[a]);
            medians[a] = times[a][3];
        }
        return medians;
    }

    /** The tests stand behind a proxy that names the client in X-Forwarded-For (application-test.yml). */
    private HttpResponse<String> tokenRequest(String username, String password, String clientAddress) {
        return new WebClient(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/staff/tokens"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }
}
