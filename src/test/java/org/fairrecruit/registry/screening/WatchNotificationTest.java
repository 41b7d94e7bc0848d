package org.fairrecruit.registry.screening;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.OfficerDecision;
import org.fairrecruit.registry.notification.WebhookWorker;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.TestSmtp;
import org.fairrecruit.registry.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watches notify through the outbox: signed webhooks to a local receiver, e-mail to GreenMail. */
@MicronautTest(transactional = false)
class WatchNotificationTest {
    private static final String WATCHES = "/api/v1/screening/watches";
    @Inject ScreeningCalls calls;
    @Inject RegisterFixtures register;
    @Inject Licensing licensing;
    @Inject WatchAlerts alerts;
    @Inject WebhookWorker webhooks;
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Map<String, Object> watch(String key, String json) {
        return calls.body(calls.post(key, WATCHES, "application/json", json), 201);
    }

    private void surrender(Licence licence) {
        Licence now = licensing.get(licence.id());
        licensing.surrender("officer-test", licence.id(), new OfficerDecision(now.version(), "Agency closed its business.",
                "Act s. 14", "OTHER", null, null));
    }

    private static boolean signatureValid(String secret, WebhookReceiver.Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(request.header("webhook-signature").split(" ")).contains(expected);
    }

    private List<WebhookReceiver.Received> events(String path, String type) {
        return receiver.received(path).stream().filter(r -> r.body().contains("\"type\":\"" + type + "\"")).toList();
    }

    @Test
    void a_test_event_is_signed_as_standard_webhooks_specifies() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Signed Hook Manpower Pvt. Ltd.");
        Map<String, Object> created = watch(key, "{\"agencyId\":\"agency-" + agency.id() + "\",\"webhookUrl\":\""
                + receiver.url("/signed") + "\"}");
        String secret = (String) created.get("secret");
        assertTrue(secret.startsWith("whsec_"), secret);

        Map<String, Object> queued = calls.body(calls.post(key, WATCHES + "/" + created.get("id") + "/test",
                "application/json", ""), 202);
        ScreeningCalls.await("test event", Duration.ofSeconds(10), () -> !receiver.received("/signed").isEmpty());

        WebhookReceiver.Received request = receiver.received("/signed").get(0);
        assertEquals(queued.get("webhookId"), request.header("webhook-id"));
        assertTrue(signatureValid(secret, request), request.toString());
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "timestamp " + timestamp);
        assertTrue(request.body().contains("\"type\":\"watch.test\""), request.body());
        assertTrue(!signatureValid("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), request));
        ScreeningCalls.await("delivery logged", Duration.ofSeconds(5), () -> calls.get(key, WATCHES + "/" + created.get("id")
                + "/deliveries").body().contains("\"status\":\"SENT\""));
        String secretShown = calls.get(key, WATCHES + "/" + created.get("id")).body();
        assertTrue(!secretShown.contains(secret), "the secret is shown only once");
    }

    @Test
    void one_change_notifies_each_watcher_exactly_once_even_with_two_workers() throws Exception {
        Agency agency = register.agency("Twice Watched Overseas Pvt. Ltd.");
        Licence licence = register.activeLicence(agency.id());
        String first = calls.issueKey();
        String second = calls.issueKey();
        Map<String, Object> a = watch(first, "{\"agencyId\":\"agency-" + agency.id() + "\",\"webhookUrl\":\""
                + receiver.url("/first") + "\"}");
        Map<String, Object> b = watch(second, "{\"licenceNumber\":\"" + licence.licenceNumber() + "\",\"webhookUrl\":\""
                + receiver.url("/second") + "\"}");
        assertEquals("agency-" + agency.id(), b.get("agencyId"));

        surrender(licence);
        Runnable worker = () -> {
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until) {
                alerts.followChanges();
                webhooks.deliverDue();
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(worker), CompletableFuture.runAsync(worker)).join();
        Thread.sleep(1_000);

        for (Map.Entry<String, Map<String, Object>> watcher : Map.of("/first", a, "/second", b).entrySet()) {
            List<WebhookReceiver.Received> got = events(watcher.getKey(), WatchAlerts.EVENT);
            assertEquals(1, got.size(), watcher.getKey() + ": " + got);
            assertTrue(signatureValid((String) watcher.getValue().get("secret"), got.get(0)));
            assertTrue(got.get(0).body().contains("\"licenceStatus\":\"SURRENDERED\"")
                    && got.get(0).body().contains("\"licenceStatus\":\"ACTIVE\""), got.get(0).body());
        }
        assertTrue(!events("/first", WatchAlerts.EVENT).get(0).header("webhook-id")
                .equals(events("/second", WatchAlerts.EVENT).get(0).header("webhook-id")));
    }

    @Test
    void a_failing_receiver_gets_retries_honouring_retry_after_then_succeeds_and_gets_nothing_twice() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Flaky Receiver Services");
        Map<String, Object> created = watch(key, "{\"agencyId\":\"" + agency.id() + "\",\"webhookUrl\":\""
                + receiver.url("/flaky") + "\"}");
        receiver.answer("/flaky", new WebhookReceiver.Answer(500, null), new WebhookReceiver.Answer(503, "1"));

        calls.post(key, WATCHES + "/" + created.get("id") + "/test", "application/json", "");
        String log = WATCHES + "/" + created.get("id") + "/deliveries";
        ScreeningCalls.await("delivered after retries", Duration.ofSeconds(15),
                () -> calls.get(key, log).body().contains("\"status\":\"SENT\""));
        Thread.sleep(1_000);

        List<WebhookReceiver.Received> got = receiver.received("/flaky");
        assertEquals(3, got.size(), got.toString());
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        List<Map<String, Object>> deliveries = calls.list(calls.get(key, log).body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) deliveries.get(0).get("log");
        assertEquals(List.of(500, 503, 200), attempts.stream().map(x -> ((Number) x.get("statusCode")).intValue()).toList());
        Duration afterRetryAfter = Duration.between(Instant.parse((String) attempts.get(1).get("at")),
                Instant.parse((String) attempts.get(2).get("at")));
        assertTrue(afterRetryAfter.toMillis() >= 950, "Retry-After 1 s honoured: " + afterRetryAfter);
    }

    @Test
    void a_receiver_answering_410_disables_the_webhook() throws Exception {
        String key = calls.issueKey();
        Agency agency = register.agency("Gone Receiver Services");
        Map<String, Object> created = watch(key, "{\"agencyId\":\"" + agency.id() + "\",\"webhookUrl\":\""
                + receiver.url("/gone") + "\"}");
        receiver.answer("/gone", new WebhookReceiver.Answer(410, null));
        String watchPath = WATCHES + "/" + created.get("id");

        calls.post(key, watchPath + "/test", "application/json", "");
        ScreeningCalls.await("disabled", Duration.ofSeconds(10),
                () -> calls.get(key, watchPath).body().contains("\"webhookDisabled\":true"));
        calls.post(key, watchPath + "/test", "application/json", "");
        ScreeningCalls.await("second event parked", Duration.ofSeconds(10), () -> calls.list(calls.get(key,
                watchPath + "/deliveries").body()).stream().allMatch(d -> "PARKED".equals(d.get("status"))));

        assertEquals(1, receiver.received("/gone").size());
    }

    @Test
    void an_email_watch_arrives_in_the_mailbox() throws Exception {
        GreenMail smtp = TestSmtp.start();
        try {
            String key = calls.issueKey();
            Agency agency = register.agency("Mailed Watch Manpower Pvt. Ltd.");
            Licence licence = register.activeLicence(agency.id());
            watch(key, "{\"agencyId\":\"agency-" + agency.id() + "\",\"email\":\"compliance@employer.test\"}");

            surrender(licence);
            ScreeningCalls.await("watch alert mail", Duration.ofSeconds(15), () -> !alertsTo(smtp, "compliance@employer.test").isEmpty());
            Thread.sleep(500);

            List<MimeMessage> received = alertsTo(smtp, "compliance@employer.test");
            assertEquals(1, received.size());
            MimeMessage mail = received.get(0);
            assertTrue(mail.getSubject().contains("Mailed Watch Manpower Pvt. Ltd."), mail.getSubject());
            String body = GreenMailUtil.getBody(mail);
            assertTrue(body.contains("ACTIVE") && body.contains("SURRENDERED"), body);
        } finally {
            smtp.stop();
        }
    }

    private static List<MimeMessage> alertsTo(GreenMail smtp, String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void watches_are_listed_ended_and_refused_for_bad_targets_or_internal_addresses() {
        String key = calls.issueKey();
        Agency agency = register.agency("Listed Watch Services");
        Map<String, Object> created = watch(key, "{\"agencyId\":\"agency-" + agency.id() + "\",\"email\":\"w@employer.test\"}");
        assertEquals(null, created.get("secret"));
        assertTrue(calls.get(key, WATCHES).body().contains("\"id\":" + created.get("id")));
        assertEquals(404, calls.get(calls.issueKey(), WATCHES + "/" + created.get("id")).statusCode());

        for (String body : List.of("{\"email\":\"w@employer.test\"}", "{\"agencyId\":\"agency-999999\",\"email\":\"w@e.test\"}",
                "{\"licenceNumber\":\"RA-0000-0\",\"email\":\"w@e.test\"}", "{\"agencyId\":\"" + agency.id() + "\"}",
                "{\"agencyId\":\"" + agency.id() + "\",\"webhookUrl\":\"http://10.0.0.5/hook\"}",
                "{\"agencyId\":\"" + agency.id() + "\",\"webhookUrl\":\"https://169.254.169.254/latest\"}",
                "{\"agencyId\":\"" + agency.id() + "\",\"webhookUrl\":\"ftp://example.test/\"}")) {
            HttpResponse<String> refused = calls.post(key, WATCHES, "application/json", body);
            assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
            assertNotNull(calls.map(refused.body()).get("errors"), refused.body());
        }

        assertEquals(204, calls.delete(key, WATCHES + "/" + created.get("id")).statusCode());
        assertEquals(404, calls.get(key, WATCHES + "/" + created.get("id")).statusCode());
    }
}
