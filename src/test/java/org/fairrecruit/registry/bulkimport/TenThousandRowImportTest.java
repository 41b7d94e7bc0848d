package org.fairrecruit.registry.bulkimport;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.audit.AuditEntry;
import org.fairrecruit.registry.audit.AuditQueries;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.fairrecruit.registry.bulkimport.ImportUploads.approved;
import static org.fairrecruit.registry.bulkimport.ImportUploads.awaitEnd;
import static org.fairrecruit.registry.bulkimport.ImportUploads.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** All or nothing on a large file, fast enough to wait for. */
@MicronautTest(transactional = false)
class TenThousandRowImportTest {
    private static final int ROWS = 10_000;
    private static final int BAD_ROW = 7_431;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject ImportJobs jobs;
    @Inject RegisterWrites register;
    @Inject AuditQueries audit;
    @Inject FourEyes fourEyes;

    /** Agencies prefix-00001 … ; the data row that a spreadsheet numbers {@code badRow} has an unknown country. */
    private static String agencies(String prefix, int badRow) {
        StringBuilder csv = new StringBuilder("registrationNumber,legalName,country,address,phone,email,tradeNames\r\n");
        for (int i = 1; i <= ROWS; i++) {
            String country = i + 1 == badRow ? "XX" : (i % 2 == 0 ? "PH" : "np");
            csv.append(String.format("%s-%05d,\"Harbour %d Demo Recruiters, Inc.\",%s,\"%d Example Road\",+63 2 %07d,"
                    + "hr%d@demo.example,Harbour %d Jobs|HDR %d\r\n", prefix, i, i, country, i, i, i, i, i));
        }
        return csv.toString();
    }

    private WebClient admin() {
        return new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
    }

    @Test
    void file_with_one_bad_row_among_ten_thousand_imports_nothing_and_names_the_row() throws Exception {
        WebClient admin = admin();
        long feedBefore = register.count("SELECT COUNT(*) FROM change_feed");
        long started = System.nanoTime();
        ImportJob job = awaitEnd(jobs, submit(admin, ImportKind.AGENCIES, agencies("BAD", BAD_ROW)));
        System.out.printf("10,000-row agency file with one bad row rejected in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertEquals(ImportJob.Status.REJECTED, job.status());
        assertEquals(1, job.errorCount());
        assertEquals(new RowError(BAD_ROW, "country", "import.error.country", java.util.List.of()), job.errors().get(0));
        assertEquals(0, register.count("SELECT COUNT(*) FROM agency WHERE registration_number LIKE 'BAD-%'"));
        assertEquals(feedBefore, register.count("SELECT COUNT(*) FROM change_feed"));
        String page = admin.getHtml("/admin/imports/" + job.id()).body();
        assertTrue(page.contains("<td>" + BAD_ROW + "</td>") && page.contains("two-letter ISO 3166"), page);
    }

    @Test
    void the_same_file_corrected_imports_all_ten_thousand_agencies_with_their_names() throws Exception {
        String actor = staff.userWithRole(Roles.ADMIN);
        WebClient admin = new WebClient(server.getURI()).signIn(actor, StaffFixtures.PASSWORD);
        long started = System.nanoTime();
        long id = approved(fourEyes, jobs, submit(admin, ImportKind.AGENCIES, agencies("OK", -1)));
        long approvedAt = System.nanoTime();
        ImportJob job = awaitEnd(jobs, id);
        System.out.printf("10,000-row agency file checked in %d ms (upload to awaiting approval), applied in %d ms "
                + "(approval to done)%n", (approvedAt - started) / 1_000_000, (System.nanoTime() - approvedAt) / 1_000_000);

        assertEquals(ImportJob.Status.DONE, job.status(), job.errors().toString());
        assertEquals(ROWS, job.rowsTotal());
        assertEquals(ROWS, job.rowsDone());
        assertEquals(ROWS, register.count("SELECT COUNT(*) FROM agency WHERE registration_number LIKE 'OK-%'"));
        assertEquals(3 * ROWS, register.count("SELECT COUNT(*) FROM agency_name n JOIN agency a ON a.id = n.agency_id "
                + "WHERE a.registration_number LIKE 'OK-%'"));
        assertEquals(ROWS / 2, register.count("SELECT COUNT(*) FROM agency WHERE country = 'NP' AND registration_number LIKE 'OK-%'"));
        assertEquals(ROWS, register.count("SELECT COUNT(*) FROM change_feed f JOIN agency a ON a.id = f.entity_id "
                + "WHERE f.entity_kind = 'AGENCY' AND a.registration_number LIKE 'OK-%'"));
        var entries = audit.forEntity("import_job", Long.toString(job.id()));
        assertEquals(List.of("import.submitted", "import.checked", "import.completed"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(actor, entries.get(1).actor());
        assertEquals("import-approver", entries.get(2).actor(), "applied in the approver's name");
        assertTrue(entries.get(2).afterState().contains("\"created\":["), "the entry names every record created");
    }
}
