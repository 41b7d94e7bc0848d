package org.fairrecruit.registry.bulkimport;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.fairrecruit.registry.bulkimport.ImportUploads.approved;
import static org.fairrecruit.registry.bulkimport.ImportUploads.awaitEnd;
import static org.fairrecruit.registry.bulkimport.ImportUploads.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ImportFourEyesTest {
    private static final String LICENCE_HEADER = "registrationNumber,status,licenceNumber,validFrom,validUntil,conditions\n";
    private static final String BLACKLIST_HEADER = "subjectType,name,aliases,nationality,birthYear,idDocument,reasonCategory,"
            + "legalBasis,caseReference,listedOn,expiresOn,agencyRegistrationNumber\n";

    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures fixtures;
    @Inject ImportJobs jobs;
    @Inject FourEyes fourEyes;
    @Inject Licensing licensing;
    @Inject Sql sql;

    private String adminName;

    private WebClient admin() {
        adminName = staff.userWithRole(Roles.ADMIN);
        return new WebClient(server.getURI()).signIn(adminName, StaffFixtures.PASSWORD);
    }

    @Test
    void an_uploaded_licence_file_publishes_nothing_until_a_supervisor_who_did_not_upload_it_approves() throws Exception {
        Agency agency = fixtures.agency("Awaiting Approval Manpower");
        long id = submit(admin(), ImportKind.LICENCES, LICENCE_HEADER + agency.registrationNumber()
                + ",ACTIVE,RA-2019-7001,2019-01-01,2029-01-01,\n");

        ImportJob checked = awaitEnd(jobs, id);

        assertEquals(ImportJob.Status.AWAITING_APPROVAL, checked.status(), checked.errors().toString());
        assertTrue(licensing.forAgency(agency.id()).isEmpty());
        assertFalse(new WebClient(server.getURI()).getJson("/opendata/licences.json").body().contains("RA-2019-7001"));
        Proposal proposal = fourEyes.forSubject(ImportDecisions.SUBJECT, id).get(0);
        assertEquals(adminName, proposal.proposedBy());
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(
                Authentication.build(adminName, Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version()));

        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version());
        ImportJob done = awaitEnd(jobs, id);

        assertEquals(ImportJob.Status.DONE, done.status(), done.errors().toString());
        Licence imported = licensing.forAgency(agency.id()).get(0);
        assertEquals(LicenceStatus.ACTIVE, imported.status());
        assertEquals(proposal.id(), licensing.history(imported.id()).get(0).proposalId());
        assertEquals("supervisor-b", licensing.history(imported.id()).get(0).actor());
        assertTrue(new WebClient(server.getURI()).getJson("/opendata/licences.json").body().contains("RA-2019-7001"));
    }

    @Test
    void an_import_cannot_give_a_licence_to_an_agency_whose_application_was_refused() throws Exception {
        Agency agency = fixtures.agency("Refused Before Manpower");
        Licence pending = licensing.forAgency(agency.id()).isEmpty()
                ? licensing.get(licensing.apply(RegisterFixtures.OFFICER, agency.id()).licenceId()) : null;
        Proposal refusal = fourEyes.propose("officer-a", new org.fairrecruit.registry.approval.ProposalDraft("LICENCE",
                pending.id(), "REFUSE", "Bond not posted.", "s. 9", Map.of("publicReason", "OTHER")));
        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), refusal.id(), refusal.version());

        ImportJob job = awaitEnd(jobs, submit(admin(), ImportKind.LICENCES, LICENCE_HEADER + agency.registrationNumber()
                + ",ACTIVE,RA-2019-7002,2019-01-01,2029-01-01,\n"));

        assertEquals(ImportJob.Status.REJECTED, job.status());
        assertEquals("import.error.agencyHasLicence", job.errors().get(0).messageKey());
        assertTrue(fourEyes.forSubject(ImportDecisions.SUBJECT, job.id()).isEmpty());
    }

    @Test
    void one_agency_gets_at_most_one_current_licence_from_a_file() throws Exception {
        Agency agency = fixtures.agency("Two Licences Manpower");

        ImportJob job = awaitEnd(jobs, submit(admin(), ImportKind.LICENCES, LICENCE_HEADER
                + agency.registrationNumber() + ",ACTIVE,RA-2019-7003,2019-01-01,2029-01-01,\n"
                + agency.registrationNumber() + ",SUSPENDED,RA-2019-7004,2019-01-01,2029-01-01,\n"));

        assertEquals(ImportJob.Status.REJECTED, job.status());
        assertEquals(3, job.errors().get(0).row());
        assertEquals("import.error.secondCurrentLicence", job.errors().get(0).messageKey());
    }

    @Test
    void an_imported_agency_listing_revokes_the_agencys_licence_through_the_state_machine() throws Exception {
        Agency agency = fixtures.agency("Listed By Import Manpower");
        Licence active = fixtures.activeLicence(agency.id());

        long id = approved(fourEyes, jobs, submit(admin(), ImportKind.BLACKLIST, BLACKLIST_HEADER
                + "AGENCY,Listed By Import Manpower,,NP,,,PROHIBITED_FEES,Demo Act s. 6,,2026-01-01,,"
                + agency.registrationNumber() + "\n"));
        ImportJob done = awaitEnd(jobs, id);

        assertEquals(ImportJob.Status.DONE, done.status(), done.errors().toString());
        assertEquals(LicenceStatus.REVOKED, licensing.get(active.id()).status());
        var last = licensing.history(active.id()).get(licensing.history(active.id()).size() - 1);
        assertEquals(LicenceStatus.REVOKED, last.to());
        assertEquals(fourEyes.forSubject(ImportDecisions.SUBJECT, id).get(0).id(), last.proposalId());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'licence.revoke' AND entity_id = ?",
                String.valueOf(active.id())));
    }

    @Test
    void a_rejected_import_is_discarded_and_writes_nothing() throws Exception {
        long id = submit(admin(), ImportKind.AGENCIES, "registrationNumber,legalName,country,address,phone,email,tradeNames\n"
                + "DISCARD-1,Discarded Manpower,NP,,,,\n");
        awaitEnd(jobs, id);
        Proposal proposal = fourEyes.forSubject(ImportDecisions.SUBJECT, id).get(0);

        fourEyes.reject(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version(),
                "Not from the ministry's register.");

        assertEquals(ImportJob.Status.DISCARDED, awaitEnd(jobs, id).status());
        assertEquals(0, sql.count("SELECT COUNT(*) FROM agency WHERE registration_number = 'DISCARD-1'"));
    }
}
