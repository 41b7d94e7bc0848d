package org.fairrecruit.registry.intake;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.complaint.ComplaintCases;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A report's free-text agency name is read by the matcher after the report's commit: the case is
 * linked when the matcher is confident, with its audit entry, each waiting report once however many
 * workers run, and a link staff made first is kept. The worker is driven by hand here.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.intake.agency-match-interval", value = "1h")
class AgencyMatchTest {
    @Inject HotlineReports reports;
    @Inject AgencyMatchWorker worker;
    @Inject ComplaintCases cases;
    @Inject AgencyNames names;
    @Inject RegisterFixtures register;
    @Inject Sql sql;
    @Inject TransactionOperations<Connection> tx;

    /** A registered agency the name index already answers for. */
    private long agency(String legalName) {
        long id = register.agency(legalName).id();
        eventually(legalName + " in the name index", Duration.ofSeconds(20), () -> names.confident(legalName).isPresent());
        return id;
    }

    private long submit(String agencyName) {
        NewReport report = new NewReport("PROHIBITED_FEES", "They took 150000 rupees before departure.", agencyName, null,
                "QA", null, List.of(), null, "en");
        return reports.submit(report, List.of(), null, UUID.randomUUID().toString()).complaintId();
    }

    /** 0 for none. */
    private long agencyOf(long complaintId) {
        return sql.count("SELECT COALESCE(agency_id, 0) FROM complaint WHERE id = ?", complaintId);
    }

    private long linkAudits(long complaintId) {
        return sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.linked' AND actor = ? AND entity_id = ?",
                AgencyMatchWorker.ACTOR, String.valueOf(complaintId));
    }

    private void drain() {
        while (worker.matchChunk() > 0) {
            // until nothing waits
        }
    }

    @Test
    void a_report_naming_a_registered_agency_is_linked_to_it_after_its_commit_with_an_audit_entry() {
        long agency = agency("Kestrel Harbour Manpower Services Inc.");
        long id = submit("Kestrel Harbour Manpower Services");
        assertEquals(0, agencyOf(id));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM intake_agency_match WHERE complaint_id = ?", id));

        drain();

        assertEquals(agency, agencyOf(id));
        assertEquals(1, linkAudits(id));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM intake_agency_match WHERE complaint_id = ?", id));
        assertEquals("Kestrel Harbour Manpower Services", sql.one("SELECT recruiter_name FROM complaint WHERE id = ?",
                rs -> rs.getString(1), id).orElseThrow());
    }

    @Test
    void a_name_the_matcher_is_not_confident_of_leaves_the_case_unlinked_and_the_queue() {
        long id = submit("Unknown Himalaya Recruiters");
        drain();
        assertEquals(0, agencyOf(id));
        assertEquals(0, linkAudits(id));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM intake_agency_match WHERE complaint_id = ?", id));
    }

    @Test
    void a_link_staff_made_before_the_matcher_ran_is_kept() {
        agency("Marigold Valley Overseas Pvt. Ltd.");
        long chosen = register.agency("Tarn Crest Employment Agency").id();
        long id = submit("Marigold Valley Overseas");
        cases.link("investigator", id, new ComplaintCases.Links(chosen, null, List.of(), null, null));

        drain();

        assertEquals(chosen, agencyOf(id));
        assertEquals(0, linkAudits(id));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM intake_agency_match WHERE complaint_id = ?", id));
    }

    @Test
    void two_workers_match_each_waiting_report_once() throws Exception {
        drain();
        long agency = agency("Orchid Lantern Placement Corp.");
        List<Long> ids = IntStream.range(0, 30).mapToObj(i -> submit("Orchid Lantern Placement")).toList();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> tx.executeWrite(status -> {
            int n = worker.matchChunk();
            claimed.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        }));
        claimed.await();
        // The first worker still holds its claim: the second finds nothing to take.
        int second = worker.matchChunk();
        released.countDown();

        assertEquals(30, first.get() + second);
        assertEquals(0, second);
        assertEquals(0, worker.matchChunk());
        ids.forEach(id -> {
            assertEquals(agency, agencyOf(id));
            assertEquals(1, linkAudits(id));
        });
    }
}
