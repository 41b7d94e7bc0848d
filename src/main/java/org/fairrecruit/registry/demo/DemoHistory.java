package org.fairrecruit.registry.demo;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.LicenceDecisions;
import org.fairrecruit.registry.licensing.LicenceSchedule;
import org.fairrecruit.registry.licensing.LicenceTransition;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.OfficerDecision;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's recent history, made as the demo licensing officer and the demo supervisor would make it at their
 * forms: the blacklist listings (proposed, then approved by four eyes; listing agency 3 revokes its licence), a
 * suspension (four eyes), the expiry the licence schedule finds due, a surrender, an open application with part
 * of its checklist, a refused one (four eyes), and an inspection with findings and obligations. Each step goes through the
 * capability's service, so it has its audit entries, change-feed rows and outbox messages like any other.
 */
@Singleton
class DemoHistory {
    static final String SUPERVISOR = "supervisor";
    private static final String OFFICER = DemoAgencies.OFFICER;
    private final Licensing licensing;
    private final ApplicationReview review;
    private final FourEyes fourEyes;
    private final Monitoring monitoring;
    private final LicenceSchedule schedule;
    private final Clock clock;

    DemoHistory(Licensing licensing, ApplicationReview review, FourEyes fourEyes, Monitoring monitoring,
                LicenceSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.licensing = licensing;
        this.review = review;
        this.fourEyes = fourEyes;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    /** In the caller's transaction, after the agencies and the script's older licence history. */
    void make() {
        // Listing agency 3 revokes its licence by the licensing rule: a blacklisted agency cannot hold one.
        list(new ListingDraft("AGENCY", 3L, "PT Nusantara Contoh Tenaga Kerja", List.of(), "ID", null, null,
                "PROHIBITED_FEES", "DEMO-CASE-2024-001", LocalDate.of(2024, 2, 20), null), "Demo Regulation s. 13");
        list(new ListingDraft("PERSON", null, "Ramesh Example Thapa", List.of("रमेश उदाहरण थापा", "Ramesh Thapa Magar"), "NP",
                1979, "NPDEMO1234567", "ILLEGAL_RECRUITMENT", "DEMO-CASE-2025-014", LocalDate.of(2025, 7, 1), null),
                "Demo Act s. 6");
        list(new ListingDraft("PERSON", null, "Maria Demo Santos", List.of("Mariah Santos"), "PH", 1985, "PDEMO7654321",
                "ILLEGAL_RECRUITMENT", "DEMO-CASE-2025-022", LocalDate.of(2025, 9, 15), LocalDate.of(2030, 9, 15)),
                "Demo Act s. 6");
        list(new ListingDraft("PERSON", null, "Budi Contoh Hartono", List.of("Budi Hartono"), "ID", 1990, null,
                "OFFICER_OF_REVOKED_AGENCY", "DEMO-CASE-2024-001", LocalDate.of(2024, 2, 20), LocalDate.of(2027, 2, 20)),
                "Demo Regulation s. 13(4)");

        approve(fourEyes.propose(OFFICER, new ProposalDraft(LicenceDecisions.SUBJECT, 2L, LicenceTransition.SUSPEND.name(),
                "Charged workers placement fees above the ceiling.", "Demo Regulation s. 12(1)",
                LicenceDecisions.details("PROHIBITED_FEES", null, null, null))));
        licensing.surrender(OFFICER, 5, new OfficerDecision(licensing.get(5).version(), "Agency closed its business.",
                "Demo Regulation s. 15", "VOLUNTARY_SURRENDER", null, null));
        schedule.expireDue();

        Application pending = licensing.apply(OFFICER, 6);
        review.check(OFFICER, pending.id(), "REGISTRATION_CERTIFICATE", true);
        review.check(OFFICER, pending.id(), "OFFICE_VERIFIED", true);
        review.note(OFFICER, pending.id(), "Bond certificate promised for next week.");

        Application refused = licensing.apply(OFFICER, 7);
        approve(fourEyes.propose(OFFICER, new ProposalDraft(LicenceDecisions.SUBJECT, refused.licenceId(),
                LicenceTransition.REFUSE.name(), "Director listed on the blacklist.", "Demo Regulation s. 5(2)",
                LicenceDecisions.details("FALSE_INFORMATION", null, null, null))));

        LocalDate today = LocalDate.now(clock);
        LocalDate inspected = today.minusDays(80);
        monitoring.recordInspection(OFFICER, 8, inspected, "Routine inspection of the Surabaya office.", List.of(
                new Monitoring.FindingInput(Monitoring.Severity.MAJOR,
                        "Workers signed contracts in a language they do not read.", inspected.plusDays(30)),
                new Monitoring.FindingInput(Monitoring.Severity.MINOR, "Licence certificate not displayed at the counter.",
                        null)));
        monitoring.addObligation(OFFICER, 8, Monitoring.ObligationKind.BOND, "Bank guarantee renewal", today.minusDays(30));
        monitoring.addObligation(OFFICER, 1, Monitoring.ObligationKind.ESCROW, "Escrow deposit statement",
                today.plusDays(60));
    }

    private void list(ListingDraft listing, String legalBasis) {
        approve(fourEyes.propose(OFFICER, BlacklistDecisions.listing(listing, "Listed after the case " + listing.caseReference()
                + " was decided.", legalBasis)));
    }

    private void approve(Proposal proposal) {
        fourEyes.approve(Authentication.build(SUPERVISOR, List.of(Roles.SUPERVISOR)), proposal.id(), proposal.version());
    }
}
