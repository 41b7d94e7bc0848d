package org.fairrecruit.registry.demo;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.complaint.CaseView;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.complaint.ComplaintCases;
import org.fairrecruit.registry.complaint.ComplaintIntake;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.NewComplaint;
import org.fairrecruit.registry.complaint.Outcome;
import org.fairrecruit.registry.complaint.OutcomeDecisions;
import org.fairrecruit.registry.complaint.PublicReason;
import org.fairrecruit.registry.kernel.Roles;

import java.util.List;

/**
 * The demo complaints, taken at the hotline by the demo operator and worked by the demo investigator: triaged,
 * investigated, and closed (a substantiated finding proposed and approved by the demo supervisor, four eyes), so
 * each has its case events, audit entries and mails like any other.
 */
@Singleton
class DemoComplaints {
    private static final String OPERATOR = "hotline-operator";
    private static final String INVESTIGATOR = "investigator";
    private final ComplaintIntake intake;
    private final ComplaintCases cases;
    private final OutcomeDecisions outcomes;
    private final FourEyes fourEyes;

    DemoComplaints(ComplaintIntake intake, ComplaintCases cases, OutcomeDecisions outcomes, FourEyes fourEyes) {
        this.intake = intake;
        this.cases = cases;
        this.outcomes = outcomes;
        this.fourEyes = fourEyes;
    }

    /** In the caller's transaction, after the agencies and the listings. */
    void make() {
        substantiated(investigated(Channel.WEB, Category.PROHIBITED_FEES, 2L, null,
                "Charged a placement fee of three months salary.", "MY"), "Receipts from three workers.");
        substantiated(investigated(Channel.PHONE, Category.ILLEGAL_RECRUITMENT, null, "Ramesh Example Thapa",
                "Collected money for jobs in Malaysia that did not exist.", "MY"), "Matches the listed recruiter.");
        investigated(Channel.WALK_IN, Category.DOCUMENT_RETENTION, 1L, null, "Passport kept by the agency.", "SA");
        long unsubstantiated = investigated(Channel.EMAIL, Category.CONTRACT_SUBSTITUTION, 8L, null,
                "Contract terms changed after arrival.", "TW");
        cases.close(INVESTIGATOR, unsubstantiated, Outcome.UNSUBSTANTIATED,
                new CaseView.Statement(PublicReason.INSUFFICIENT_EVIDENCE, null, null), "Both contracts were the same.");
    }

    private long investigated(Channel channel, Category category, Long agencyId, String recruiterName, String summary,
                              String destination) {
        long id = intake.receive(new NewComplaint(OPERATOR, channel, category, summary, "en", agencyId, recruiterName, null,
                destination, null, null, null, List.of(), List.of(), null)).id();
        cases.move(OPERATOR, id, ComplaintStatus.TRIAGED, "Within the registry's remit.");
        cases.move(INVESTIGATOR, id, ComplaintStatus.UNDER_INVESTIGATION, "Taken for investigation.");
        return id;
    }

    private void substantiated(long id, String internalNote) {
        Proposal proposal = outcomes.propose(INVESTIGATOR, id, new CaseView.Statement(PublicReason.EVIDENCE_CONFIRMS, null,
                null), internalNote);
        fourEyes.approve(Authentication.build(DemoHistory.SUPERVISOR, List.of(Roles.SUPERVISOR)), proposal.id(),
                proposal.version());
    }
}
