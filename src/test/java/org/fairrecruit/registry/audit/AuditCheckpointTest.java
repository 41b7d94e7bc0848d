package org.fairrecruit.registry.audit;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Each test rewrites or signs the chain, so each gets a fresh context and with it a fresh database.
@MicronautTest(transactional = false, rebuildContext = true)
class AuditCheckpointTest {
    @Inject AuditLog audit;
    @Inject AuditVerifier verifier;
    @Inject AuditChainer chainer;
    @Inject Checkpoints checkpoints;
    @Inject Sql sql;
    @Inject TransactionOperations<Connection> tx;
    @Inject EmbeddedServer server;
    @Inject @Named("default") DatasourceConfiguration datasource;

    private void record(String action, String reason) {
        tx.executeWrite(status -> {
            audit.record(AuditEvent.of("officer-a", action, "licence", 7).because(reason), Map.of("v", 1), Map.of("v", 2));
            return null;
        });
        chainer.chainCommitted();
    }

    /** What someone with write access to the database does: edit an entry, recompute every later hash and the head. */
    private void rewriteConsistently(long seq, String newReason) {
        tx.executeWrite(status -> {
            List<AuditEntry> entries = sql.list(AuditQueries.SELECT + " WHERE seq >= ? ORDER BY seq", AuditQueries::read, seq);
            String prev = entries.get(0).prevHash();
            for (AuditEntry e : entries) {
                AuditEntry forged = new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(),
                        e.entityId(), e.seq() == seq ? newReason : e.reason(), e.beforeState(), e.afterState(), prev, null).sealed();
                sql.update("UPDATE audit_entry SET reason = ?, prev_hash = ?, hash = ? WHERE seq = ?", forged.reason(),
                        forged.prevHash(), forged.hash(), forged.seq());
                prev = forged.hash();
            }
            sql.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", prev);
            return null;
        });
    }

    private String publicKeyPem() {
        var response = new WebClient(server.getURI()).send(java.net.http.HttpRequest.newBuilder(
                server.getURI().resolve("/opendata/audit-key.pem")).header("Accept", "*/*"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void a_consistently_rewritten_chain_is_caught_by_the_checkpoints() {
        record("licence.suspend", "Charged workers fees.");
        record("licence.revoke", "Repeat offence.");
        Checkpoint signed = checkpoints.take();
        record("licence.grant", "Checklist complete.");
        assertTrue(verifier.verify().intact());

        rewriteConsistently(1, "Paperwork delay.");

        ChainVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(signed.seq(), result.firstBrokenSeq());
        assertTrue(result.problem().contains("checkpoint signed at " + signed.at()), result.problem());
    }

    @Test
    void without_checkpoints_the_same_rewrite_would_pass() {
        record("licence.suspend", "Charged workers fees.");
        record("licence.revoke", "Repeat offence.");

        rewriteConsistently(1, "Paperwork delay.");

        assertTrue(verifier.verify().intact(), "the plain hash chain cannot see a consistent rewrite: that is why checkpoints exist");
    }

    @Test
    void published_checkpoints_verify_with_the_published_key() {
        record("licence.grant", "Checklist complete.");
        checkpoints.take();
        WebClient anyone = new WebClient(server.getURI());

        String json = anyone.getJson("/opendata/audit-checkpoints.json").body();
        String pem = publicKeyPem();

        List<Checkpoint> published = AuditVerifyCommand.parse(json);
        assertEquals(1, published.size());
        Checkpoint checkpoint = published.get(0);
        assertEquals(1, checkpoint.seq());
        assertTrue(CheckpointKeys.verifies(CheckpointKeys.publicKey(pem), checkpoint.message(), checkpoint.signature()));
        assertTrue(json.contains("\"keyId\":\"registry-1\""), json);
    }

    @Test
    void every_checkpoint_is_mailed_to_the_external_auditor() {
        record("licence.grant", "Checklist complete.");
        Checkpoint checkpoint = checkpoints.take();

        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = 'external-auditor@auditor.test' "
                + "AND body_text LIKE ?", "%" + checkpoint.signature() + "%"));
    }

    @Test
    void a_scheduled_checkpoint_is_taken_by_one_replica_only() throws Exception {
        record("licence.grant", "Checklist complete.");
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> turns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                turns.add(replicas.submit((Callable<Boolean>) checkpoints::takeIfDue));
            }
            long taken = 0;
            for (Future<Boolean> turn : turns) {
                taken += turn.get() ? 1 : 0;
            }
            assertEquals(1, taken);
        } finally {
            replicas.shutdown();
        }
        assertEquals(1, checkpoints.all().size());
        assertFalse(checkpoints.takeIfDue(), "the next turn is only due after the interval");
    }

    @Test
    void the_command_line_verifier_checks_a_database_against_saved_checkpoint_files(@TempDir Path saved) throws Exception {
        record("licence.suspend", "Charged workers fees.");
        checkpoints.take();
        WebClient anyone = new WebClient(server.getURI());
        Path file = Files.writeString(saved.resolve("audit-checkpoints.json"), anyone.getJson("/opendata/audit-checkpoints.json").body());
        Path key = Files.writeString(saved.resolve("audit-key.pem"), publicKeyPem());
        String[] args = {datasource.getJdbcUrl(), file.toString(), key.toString()};

        assertEquals(0, AuditVerifyCommand.run(args, "root", "", new PrintStream(new ByteArrayOutputStream())));

        // The rewrite also drops the checkpoint from the database: the saved copy still catches it.
        rewriteConsistently(1, "Paperwork delay.");
        sql.update("DELETE FROM audit_checkpoint");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1, AuditVerifyCommand.run(args, "root", "", new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BROKEN at entry 1"), out.toString(StandardCharsets.UTF_8));
    }
}
