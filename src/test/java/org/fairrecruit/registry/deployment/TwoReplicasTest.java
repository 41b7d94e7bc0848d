package org.fairrecruit.registry.deployment;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.audit.AuditVerifier;
import org.fairrecruit.registry.audit.ChainVerification;
import org.fairrecruit.registry.bulkimport.ImportKind;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.bulkimport.ImportJobs;
import org.fairrecruit.registry.bulkimport.ImportUploads;
import org.fairrecruit.registry.database.ExternalDatabase;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.notification.ComposedMail;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.TestSmtp;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service in production mode (an external database, secrets from the
 * environment) on one database, started at the same moment on an empty schema, as two pods of the
 * chart would be. Each has its own HTTP server, scheduler, outbox worker, import worker and name index.
 */
class TwoReplicasTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static GreenMail smtp;
    private static EmbeddedServer one;
    private static EmbeddedServer two;

    @BeforeAll
    static void startTwoReplicas() {
        smtp = TestSmtp.start();
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", ExternalDatabase.jdbcUrl("replicas_" + RUN));
        settings.put("datasources.default.username", "root");
        settings.put("datasources.default.password", "");
        settings.put("registry.jwt.secret", "session-" + UUID.randomUUID() + UUID.randomUUID());
        settings.put("registry.certificate.secret", "certificate-" + UUID.randomUUID() + UUID.randomUUID());
        settings.put("micronaut.server.port", -1);
        settings.put("registry.blacklist.expiry-interval", "200ms");
        settings.put("registry.licensing.schedule-interval", "500ms");
        settings.put("registry.imports.poll-interval", "200ms");
        settings.put("registry.public-rate-limit.requests-per-minute", 100000);
        // Flyway's named lock lets one replica migrate the empty schema while the other waits.
        CompletableFuture<EmbeddedServer> first = CompletableFuture.supplyAsync(
                () -> ApplicationContext.run(EmbeddedServer.class, settings, "test"));
        CompletableFuture<EmbeddedServer> second = CompletableFuture.supplyAsync(
                () -> ApplicationContext.run(EmbeddedServer.class, settings, "test"));
        one = first.join();
        two = second.join();
    }

    @AfterAll
    static void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {one, two}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static <T> T bean(EmbeddedServer replica, Class<T> type) {
        return replica.getApplicationContext().getBean(type);
    }

    private static long count(String sql) {
        return bean(one, RegisterWrites.class).count(sql);
    }

    private static Duration await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        Instant start = Instant.now();
        while (!done.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(limit) > 0) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    void a_session_signed_in_on_one_replica_is_valid_on_the_other() {
        String officer = bean(one, StaffFixtures.class).userWithRole("LICENSING_OFFICER");
        String session = new WebClient(one.getURI()).signIn(officer, StaffFixtures.PASSWORD)
                .cookie("REGISTRY_SESSION").orElseThrow();

        HttpResponse<String> withSession = new WebClient(two.getURI()).send(HttpRequest.newBuilder(
                two.getURI().resolve("/staff/agencies")).header("Accept", "text/html")
                .header("Cookie", "REGISTRY_SESSION=" + session));
        HttpResponse<String> without = new WebClient(two.getURI()).getHtml("/staff/agencies");

        assertEquals(200, withSession.statusCode());
        assertTrue(without.statusCode() >= 300 && without.statusCode() < 400, "anonymous is sent to sign in");
    }

    @Test
    void a_certificate_issued_by_one_replica_verifies_on_the_other() throws Exception {
        RegisterFixtures register = bean(one, RegisterFixtures.class);
        Agency agency = register.agency("Sandpiper Replica Overseas " + RUN);
        Licence licence = register.activeLicence(agency.id());
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                one.getURI().resolve("/agencies/" + agency.id() + "/certificate.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String url;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            url = DocumentText.qrCode(document);
        }

        HttpResponse<String> verified = new WebClient(two.getURI()).getJson("/verify/" + url.substring(url.lastIndexOf('/') + 1));

        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"genuine\":true"), verified.body());
        assertTrue(verified.body().contains(licence.licenceNumber()), verified.body());
    }

    @Test
    void an_agency_registered_on_one_replica_is_found_on_the_other_within_seconds() throws Exception {
        String name = "Cormorant Replica Vistaways " + RUN;
        WebClient other = new WebClient(two.getURI());
        String query = "/api/v1/public/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);

        bean(one, RegisterFixtures.class).agency(name);
        Duration took = await("search on the other replica", Duration.ofSeconds(5),
                () -> other.getJson(query).body().contains(name));

        System.out.printf("an agency registered on replica one was found on replica two after %d ms%n", took.toMillis());
    }

    @Test
    void scheduled_expiries_run_once_for_each_item_with_two_replicas_polling() throws Exception {
        RegisterFixtures register = bean(one, RegisterFixtures.class);
        List<Long> licences = IntStream.range(0, 6)
                .mapToObj(i -> register.activeLicence(register.agency("Lapwing Replica Travels " + RUN + " " + i).id()).id())
                .toList();
        String ids = licences.stream().map(String::valueOf).collect(Collectors.joining(","));
        RegisterWrites writes = bean(one, RegisterWrites.class);
        writes.execute("UPDATE licence SET valid_until = CURRENT_DATE - INTERVAL 1 DAY WHERE id IN (" + ids + ")");
        writes.execute("INSERT INTO blacklist_entry (subject_type, name, reason_category, legal_basis, listed_on, "
                + "expires_on, created_at) VALUES " + IntStream.range(0, 40).mapToObj(i -> "('PERSON', 'Replica Expiry Person "
                + i + "', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6', '2020-01-01', CURRENT_DATE - INTERVAL 1 DAY, NOW(6))")
                .collect(Collectors.joining(",")));

        await("licence expiry", Duration.ofSeconds(40), () -> count(
                "SELECT COUNT(*) FROM licence WHERE status = 'EXPIRED' AND id IN (" + ids + ")") == licences.size());
        await("blacklist expiry", Duration.ofSeconds(20), () -> count("SELECT COUNT(*) FROM blacklist_entry WHERE "
                + "name LIKE 'Replica Expiry Person %' AND expiry_processed_at IS NULL") == 0);
        Thread.sleep(1500); // a few more rounds of both schedulers: nothing may be done twice

        assertEquals(licences.size(), count("SELECT COUNT(*) FROM licence_status_change WHERE to_status = 'EXPIRED' "
                + "AND licence_id IN (" + ids + ")"));
        assertEquals(licences.size(), count("SELECT COUNT(*) FROM audit_entry WHERE action = 'licence.expire' "
                + "AND entity_id IN (" + Arrays.stream(ids.split(",")).map(id -> "'" + id + "'")
                .collect(Collectors.joining(",")) + ")"));
        assertEquals(40, count("SELECT COUNT(*) FROM audit_entry a JOIN blacklist_entry b ON a.entity_id = b.id "
                + "WHERE a.action = 'blacklist.expired' AND b.name LIKE 'Replica Expiry Person %'"));
    }

    @Test
    void audit_entries_written_on_both_replicas_are_chained_once_by_their_chainers() throws Exception {
        String action = "replica.audit." + RUN;
        List<CompletableFuture<Void>> writers = Stream.of(one, two).flatMap(replica -> IntStream.range(0, 4).mapToObj(w ->
                CompletableFuture.runAsync(() -> {
                    TransactionOperations<Connection> transactions = replica.getApplicationContext()
                            .getBean(Argument.of(TransactionOperations.class, Connection.class));
                    AuditLog audit = bean(replica, AuditLog.class);
                    for (int i = 0; i < 50; i++) {
                        long entity = w * 100L + i;
                        transactions.executeWrite(status -> {
                            audit.record(AuditEvent.of("replica-test", action, "thing", entity), null, null);
                            return null;
                        });
                    }
                }))).toList();
        writers.forEach(CompletableFuture::join);

        // Neither replica is asked to chain: their scheduled chainers (every chain-interval) do it.
        String mine = "FROM audit_entry WHERE action = '" + action + "'";
        await("chaining", Duration.ofSeconds(20), () -> count("SELECT COUNT(*) " + mine + " AND seq IS NULL") == 0);

        assertEquals(400, count("SELECT COUNT(*) " + mine));
        assertEquals(400, count("SELECT COUNT(DISTINCT seq) " + mine));
        ChainVerification verification = bean(two, AuditVerifier.class).verify();
        assertTrue(verification.intact(), verification.problem());
        assertTrue(verification.entriesChecked() >= 400, verification.toString());
    }

    @Test
    void an_import_uploaded_on_one_replica_is_run_once() throws Exception {
        String admin = bean(one, StaffFixtures.class).userWithRole("ADMIN");
        WebClient page = new WebClient(one.getURI()).signIn(admin, StaffFixtures.PASSWORD);
        String csv = "registrationNumber,legalName,country,address,phone,email,tradeNames\n" + IntStream.range(0, 200)
                .mapToObj(i -> "REP-" + RUN + "-" + i + ",Replica Import Heron " + i + ",NP,,,,\n").collect(Collectors.joining());

        long job = ImportUploads.approved(bean(one, FourEyes.class), bean(one, ImportJobs.class),
                ImportUploads.submit(page, ImportKind.AGENCIES, csv));
        await("the import", Duration.ofSeconds(60),
                () -> count("SELECT COUNT(*) FROM import_job WHERE status IN ('DONE', 'REJECTED', 'FAILED') AND id = " + job) == 1);
        Thread.sleep(1000);

        assertEquals(1, count("SELECT COUNT(*) FROM import_job WHERE status = 'DONE' AND id = " + job), "imported, not refused");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'import.completed' AND entity_id = '" + job + "'"));
        assertEquals(200, count("SELECT COUNT(*) FROM agency WHERE registration_number LIKE 'REP-" + RUN + "-%'"));
    }

    @Test
    void outbox_messages_are_delivered_once_with_two_replicas_sending() throws Exception {
        String subject = "Replica delivery " + RUN;
        TransactionOperations<Connection> transactions = one.getApplicationContext()
                .getBean(Argument.of(TransactionOperations.class, Connection.class));
        transactions.executeWrite(status -> {
            Outbox outbox = bean(one, Outbox.class);
            IntStream.range(0, 30).forEach(i -> outbox.enqueueEmail("officer" + i + "@registry.test",
                    "replica-" + RUN + "-" + i, new ComposedMail(subject + " " + i, "text " + i, "<p>html " + i + "</p>")));
            return null;
        });

        await("delivery", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM outbox_message WHERE "
                + "message_key LIKE 'replica-" + RUN + "-%' AND status = 'SENT'") == 30);
        Thread.sleep(1500);

        List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subjectOf(m).startsWith(subject))
                .toList();
        assertEquals(30, received.size());
        assertEquals(30, received.stream().map(TwoReplicasTest::subjectOf).distinct().count());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
