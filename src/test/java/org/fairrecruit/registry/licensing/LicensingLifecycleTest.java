package org.fairrecruit.registry.licensing;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licensing lifecycle end to end through the services, on the real database. */
@MicronautTest(transactional = false)
class LicensingLifecycleTest {
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR));

    @Inject Licensing licensing;
    @Inject ApplicationReview review;
    @Inject LicenceSchedule schedule;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject Sql sql;

    @Test
    void granting_needs_the_whole_checklist_then_issues_a_number_and_four_years_and_tells_the_agency() {
        Agency agency = fixtures.agency("Grant Path Overseas Pvt. Ltd.");
        Application application = licensing.apply(RegisterFixtures.OFFICER, agency.id());

        InvalidInput refused = assertThrows(InvalidInput.class, () -> licensing.grant(RegisterFixtures.OFFICER,
                application.id(), application.version(), new GrantTerms(null, null)));
        assertTrue(refused.byField().containsKey("checklist"));

        Application reviewed = fixtures.reviewedApplication(fixtures.agency("Second Grant Overseas").id());
        Licence granted = licensing.grant(RegisterFixtures.OFFICER, reviewed.id(), reviewed.version(),
                new GrantTerms(LocalDate.of(2026, 1, 10), "Deployment to Malaysia only."));

        assertEquals(LicenceStatus.ACTIVE, granted.status());
        assertTrue(granted.licenceNumber().matches("RA-\\d{4}-\\d{5}"), granted.licenceNumber());
        assertEquals(LocalDate.of(2030, 1, 10), granted.validUntil());
        assertEquals(Application.Status.GRANTED, review.get(reviewed.id()).status());
        assertEquals(List.of(LicenceStatus.PENDING, LicenceStatus.ACTIVE),
                licensing.history(granted.id()).stream().map(StatusChange::to).toList());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'licence.grant' AND entity_id = ?",
                String.valueOf(granted.id())));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE message_key LIKE 'licence-decision-%' "
                + "AND recipient = ? AND body_text LIKE ?", emailOf(granted), "%" + granted.licenceNumber() + "%"));
    }

    @Test
    void licence_numbers_are_never_issued_twice_even_when_one_was_imported() {
        Licence first = fixtures.activeLicence(fixtures.agency("Numbers One Manpower").id());
        String[] parts = first.licenceNumber().split("-");
        String nextInLine = "%s-%s-%05d".formatted(parts[0], parts[1], Long.parseLong(parts[2]) + 1);
        long imported = fixtures.agency("Imported Number Manpower").id();
        sql.update("INSERT INTO licence (agency_id, licence_number, status, valid_from, valid_until, created_at) "
                + "VALUES (?, ?, 'EXPIRED', '2019-01-01', '2023-01-01', NOW(6))", imported, nextInLine);

        Licence second = fixtures.activeLicence(fixtures.agency("Numbers Two Manpower").id());

        assertNotEquals(nextInLine, second.licenceNumber());
        assertNotEquals(first.licenceNumber(), second.licenceNumber());
    }

    @Test
    void suspension_takes_effect_only_when_a_different_supervisor_approves() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Four Eyes Recruitment").id());
        Proposal proposal = fourEyes.propose("supervisor-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Placement fees above the ceiling.", "Regulation s. 12(1)",
                Map.of("suspendedUntil", LocalDate.now().plusMonths(3).toString(), "publicReason", "PROHIBITED_FEES")));
        assertEquals(LicenceStatus.ACTIVE, licensing.get(licence.id()).status());

        Authentication proposerHimself = Authentication.build("supervisor-a", Set.of(Roles.SUPERVISOR));
        RegistryException.Forbidden own = assertThrows(RegistryException.Forbidden.class,
                () -> fourEyes.approve(proposerHimself, proposal.id(), proposal.version()));
        assertEquals("proposal.error.ownProposal", own.messageKey());
        Authentication officer = Authentication.build("officer-c", Set.of(Roles.LICENSING_OFFICER));
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(officer, proposal.id(), proposal.version()));
        assertEquals(LicenceStatus.ACTIVE, licensing.get(licence.id()).status());

        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());

        Licence suspended = licensing.get(licence.id());
        assertEquals(LicenceStatus.SUSPENDED, suspended.status());
        assertEquals(LocalDate.now().plusMonths(3), suspended.suspendedUntil());
        StatusChange last = licensing.history(licence.id()).get(2);
        assertEquals("supervisor-b", last.actor());
        assertEquals(proposal.id(), last.proposalId());
        assertEquals("Regulation s. 12(1)", last.legalBasis());
        assertEquals(2, sql.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'proposal' AND entity_id = ? "
                + "AND action IN ('proposal.created', 'proposal.approved')", String.valueOf(proposal.id())));
        assertThrows(RegistryException.Conflict.class, () -> fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version()));
    }

    @Test
    void refusal_and_revocation_go_through_four_eyes_and_rejection_changes_nothing() {
        Application application = fixtures.reviewedApplication(fixtures.agency("Refused Applicant Services").id());
        Proposal refusal = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", application.licenceId(), "REFUSE",
                "Director is blacklisted.", "Regulation s. 5(2)", Map.of("publicReason", "OTHER")));
        assertThrows(RegistryException.Conflict.class, () -> fourEyes.propose("officer-b", new ProposalDraft("LICENCE",
                application.licenceId(), "REFUSE", "Again.", "s. 5", Map.of("publicReason", "OTHER"))));
        fourEyes.approve(SUPERVISOR, refusal.id(), refusal.version());
        assertEquals(LicenceStatus.REFUSED, licensing.get(application.licenceId()).status());
        assertEquals(Application.Status.REFUSED, review.get(application.id()).status());

        Licence licence = fixtures.activeLicence(fixtures.agency("Revoked Later Services").id());
        Proposal rejected = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "REVOKE",
                "Suspected fraud.", "Regulation s. 13", Map.of("publicReason", "OTHER")));
        fourEyes.reject(SUPERVISOR, rejected.id(), rejected.version(), "Not proven yet.");
        assertEquals(LicenceStatus.ACTIVE, licensing.get(licence.id()).status());

        Proposal revocation = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "REVOKE",
                "Proven fraud.", "Regulation s. 13", Map.of("publicReason", "OTHER")));
        fourEyes.approve(SUPERVISOR, revocation.id(), revocation.version());
        assertEquals(LicenceStatus.REVOKED, licensing.get(licence.id()).status());

        RegistryException.Conflict again = assertThrows(RegistryException.Conflict.class, () -> fourEyes.propose("officer-a",
                new ProposalDraft("LICENCE", licence.id(), "SUSPEND", "x", "y", Map.of("publicReason", "OTHER"))));
        assertEquals("licence.error.transition", again.messageKey());
    }

    @Test
    void lifting_a_suspension_and_surrender_follow_the_state_machine() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Reinstated Services").id());
        RegistryException.Conflict notSuspended = assertThrows(RegistryException.Conflict.class, () -> licensing.reinstate(
                "officer-a", licence.id(), new OfficerDecision(licence.version(), "Fees refunded.", "s. 12(3)", "OTHER", null, null)));
        assertEquals("licence.error.transition", notSuspended.messageKey());

        Proposal suspension = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Fees.", "s. 12", Map.of("publicReason", "OTHER")));
        fourEyes.approve(SUPERVISOR, suspension.id(), suspension.version());
        assertNull(licensing.get(licence.id()).suspendedUntil());
        Proposal lifting = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "REINSTATE",
                "Fees refunded.", "s. 12(3)", Map.of("publicReason", "OTHER")));
        fourEyes.approve(SUPERVISOR, lifting.id(), lifting.version());
        Licence reinstated = licensing.get(licence.id());
        assertEquals(LicenceStatus.ACTIVE, reinstated.status());

        Licence surrendered = licensing.surrender("officer-a", licence.id(),
                new OfficerDecision(reinstated.version(), "Closed the business.", "s. 15", "OTHER", null, null));
        assertEquals(LicenceStatus.SURRENDERED, surrendered.status());
        assertThrows(RegistryException.Conflict.class, () -> licensing.renew("officer-a", licence.id()));
    }

    @Test
    void a_stale_version_is_a_conflict_not_a_silent_overwrite() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Stale Version Services").id());
        licensing.surrender("officer-a", licence.id(), new OfficerDecision(licence.version(), "Closing.", "s. 15", "OTHER", null, null));

        RegistryException.Conflict conflict = assertThrows(RegistryException.Conflict.class, () -> licensing.surrender(
                "officer-b", licence.id(), new OfficerDecision(licence.version(), "Closing too.", "s. 15", "OTHER", null, null)));
        assertEquals("error.conflict", conflict.messageKey());
        assertEquals(2, licensing.history(licence.id()).stream().filter(c -> c.to() != LicenceStatus.PENDING).count());
    }

    @Test
    void the_expiry_job_expires_licences_past_validity_but_not_one_with_a_renewal_filed_in_time() {
        Licence lapsing = fixtures.activeLicence(fixtures.agency("Lapsing Overseas").id());
        Licence renewing = fixtures.activeLicence(fixtures.agency("Renewing Overseas").id());
        setValidUntil(renewing.id(), LocalDate.now().plusDays(30));
        Application renewal = licensing.renew("officer-a", renewing.id());
        setValidUntil(lapsing.id(), LocalDate.now().minusDays(1));
        setValidUntil(renewing.id(), LocalDate.now().minusDays(1));

        schedule.expireDue();

        assertEquals(LicenceStatus.EXPIRED, licensing.get(lapsing.id()).status());
        StatusChange expiry = licensing.history(lapsing.id()).get(2);
        assertEquals("licence.reason.expired", expiry.reasonKey());
        assertEquals("system", expiry.actor());
        assertEquals(LicenceStatus.ACTIVE, licensing.get(renewing.id()).status());

        settingsChecklist(renewal);
        Application reviewed = review.get(renewal.id());
        Licence renewed = licensing.grant("officer-a", renewal.id(), reviewed.version(), new GrantTerms(null, null));
        assertEquals(LocalDate.now().minusDays(1).plusYears(4), renewed.validUntil());
        assertEquals(renewing.licenceNumber(), renewed.licenceNumber());
        assertEquals(0, schedule.expireDue());
    }

    @Test
    void a_renewal_is_refused_before_the_window_opens() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Early Renewal Overseas").id());
        RegistryException.Conflict early = assertThrows(RegistryException.Conflict.class,
                () -> licensing.renew("officer-a", licence.id()));
        assertEquals("licence.error.renewalTooEarly", early.messageKey());
    }

    @Test
    void a_dated_suspension_ends_by_itself() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Dated Suspension Services").id());
        Proposal suspension = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Fees.", "s. 12", Map.of("suspendedUntil", LocalDate.now().plusDays(10).toString(), "publicReason", "PROHIBITED_FEES")));
        fourEyes.approve(SUPERVISOR, suspension.id(), suspension.version());
        sql.update("UPDATE licence SET suspended_until = ? WHERE id = ?", LocalDate.now().minusDays(1), licence.id());

        schedule.endSuspensions();

        assertEquals(LicenceStatus.ACTIVE, licensing.get(licence.id()).status());
        assertEquals("licence.reason.suspensionEnded", licensing.history(licence.id()).get(3).reasonKey());
    }

    @Test
    void renewal_reminders_go_once_per_threshold_and_the_most_urgent_first() {
        Licence licence = fixtures.activeLicence(fixtures.agency("Reminded Overseas").id());
        setValidUntil(licence.id(), LocalDate.now().plusDays(25));

        schedule.sendRenewalReminders();
        schedule.sendRenewalReminders();

        assertEquals(List.of(30, 90), sql.list("SELECT days_before FROM renewal_reminder WHERE licence_id = ? "
                + "ORDER BY days_before", rs -> rs.getInt(1), licence.id()));
        assertEquals(1, reminders(licence));
        setValidUntil(licence.id(), LocalDate.now().plusDays(5));
        schedule.sendRenewalReminders();
        assertEquals(2, reminders(licence));
    }

    private long reminders(Licence licence) {
        return sql.count("SELECT COUNT(*) FROM outbox_message WHERE message_key LIKE ?",
                "renewal-reminder-" + licence.id() + "-%");
    }

    private String emailOf(Licence licence) {
        return sql.one("SELECT email FROM agency WHERE id = ?", rs -> rs.getString(1), licence.agencyId()).orElseThrow();
    }

    private void settingsChecklist(Application application) {
        List.of("REGISTRATION_CERTIFICATE", "OFFICE_VERIFIED", "BOND_POSTED", "TAX_CLEARANCE", "KEY_PERSONS_CLEARED")
                .forEach(item -> review.check("officer-a", application.id(), item, true));
    }

    private void setValidUntil(long licenceId, LocalDate until) {
        sql.update("UPDATE licence SET valid_until = ? WHERE id = ?", until, licenceId);
    }
}
