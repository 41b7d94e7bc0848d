package org.fairrecruit.registry.reporting;

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
import org.fairrecruit.registry.complaint.OutcomeDecisions;
import org.fairrecruit.registry.complaint.PublicReason;
import org.fairrecruit.registry.fee.Fee;
import org.fairrecruit.registry.fee.FeePolicyDecisions;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.TestClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small data set every report test computes its figures from by hand, made through the real
 * services on the days of a {@link TestClock}:
 * <pre>
 * 2031-04-01  1 e-mail case, OTHER, no agency, no destination, no fee                    (due 04-03)
 * 2031-05-15  6 web cases, PROHIBITED_FEES, to KW, agency Alpha: each a 100.500 KWD fee paid 2031-04-01,
 *             the first also a 20000 NPR fee paid 2031-04-02; cases 1-5 found substantiated (four-eyes);
 *             case 1's KWD fee: refund 100.500 ordered, 50.250 paid; case 6 under investigation (due 07-14)
 *             2 phone cases, DECEPTION, to JO, agency Beta: each a 300.000 JOD fee paid 2031-03-10;
 *             the first triaged (due 05-20), the second left received (due 05-17)
 *             licences granted to Alpha and Beta
 * 2031-06-09  1 phone case, ABUSE, to JO, agency Beta, no fee                              (due 06-11)
 * read on 2031-06-10
 * </pre>
 * EMPLOYER_PAYS holds for KW and JO from 2030-01-01, so every fee is prohibited.
 */
@Singleton
class ReportFixtures {
    static final LocalDate READ_ON = LocalDate.of(2031, 6, 10);
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-r", Set.of(Roles.SUPERVISOR));
    private static final String INVESTIGATOR = "investigator-r";
    private final ComplaintIntake intake;
    private final ComplaintCases cases;
    private final OutcomeDecisions outcomes;
    private final FeePolicyDecisions policies;
    private final FeeRecords fees;
    private final FourEyes fourEyes;
    private final RegisterFixtures register;
    private final TestClock clock;
    long alpha;
    long beta;

    ReportFixtures(ComplaintIntake intake, ComplaintCases cases, OutcomeDecisions outcomes, FeePolicyDecisions policies,
                   FeeRecords fees, FourEyes fourEyes, RegisterFixtures register, TestClock clock) {
        this.intake = intake;
        this.cases = cases;
        this.outcomes = outcomes;
        this.policies = policies;
        this.fees = fees;
        this.fourEyes = fourEyes;
        this.register = register;
        this.clock = clock;
    }

    void build() {
        clock.set(LocalDate.of(2031, 4, 1));
        employerPays("KW");
        employerPays("JO");
        receive(Channel.EMAIL, Category.OTHER, null, null);

        clock.set(LocalDate.of(2031, 5, 15));
        alpha = register.agency("Alpha Reports Manpower").id();
        beta = register.agency("Beta Reports Overseas").id();
        register.activeLicence(alpha);
        register.activeLicence(beta);
        List<Long> kuwait = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            List<NewFee> paid = new ArrayList<>(List.of(fee("RECRUITMENT_FEE", "100.500", "KWD", LocalDate.of(2031, 4, 1))));
            if (i == 1) {
                paid.add(fee("RECRUITMENT_FEE", "20000", "NPR", LocalDate.of(2031, 4, 2)));
            }
            kuwait.add(receive(Channel.WEB, Category.PROHIBITED_FEES, alpha, "KW", paid.toArray(NewFee[]::new)));
        }
        kuwait.subList(0, 5).forEach(this::substantiate);
        long refunded = fees.forCase(kuwait.get(0)).stream().filter(f -> f.currency().equals("KWD")).map(Fee::id)
                .findFirst().orElseThrow();
        cases.orderRefund(INVESTIGATOR, kuwait.get(0), refunded, "100.500", LocalDate.of(2031, 5, 15));
        cases.recordRefund(INVESTIGATOR, kuwait.get(0), refunded, "50.250", LocalDate.of(2031, 5, 15));
        cases.move(INVESTIGATOR, kuwait.get(5), ComplaintStatus.TRIAGED, "Agency named.");
        cases.move(INVESTIGATOR, kuwait.get(5), ComplaintStatus.UNDER_INVESTIGATION, "Receipts collected.");
        long jordan = receive(Channel.PHONE, Category.DECEPTION, beta, "JO", fee("MEDICAL", "300", "JOD", LocalDate.of(2031, 3, 10)));
        receive(Channel.PHONE, Category.DECEPTION, beta, "JO", fee("MEDICAL", "300", "JOD", LocalDate.of(2031, 3, 10)));
        cases.move(INVESTIGATOR, jordan, ComplaintStatus.TRIAGED, "Agency named.");

        clock.set(LocalDate.of(2031, 6, 9));
        receive(Channel.PHONE, Category.ABUSE, beta, "JO");
        clock.set(READ_ON);
    }

    private long receive(Channel channel, Category category, Long agency, String destination, NewFee... paid) {
        return intake.receive(new NewComplaint("hotline-r", channel, category, "What happened, in the worker's words.",
                "en", agency, null, null, destination, null, null, null, List.of(paid), List.of(), null)).id();
    }

    private void substantiate(long id) {
        cases.move(INVESTIGATOR, id, ComplaintStatus.TRIAGED, "Agency named.");
        cases.move(INVESTIGATOR, id, ComplaintStatus.UNDER_INVESTIGATION, "Receipts collected.");
        Proposal proposal = outcomes.propose(INVESTIGATOR, id, new CaseView.Statement(PublicReason.AGENCY_ADMITTED, null, null),
                "Owner admitted the fee.");
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }

    private void employerPays(String country) {
        Proposal proposal = policies.propose("admin-r", country, new FeePolicyDecisions.PolicyInput(LocalDate.of(2030, 1, 1),
                "EMPLOYER_PAYS", List.of(), null));
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }

    private static NewFee fee(String type, String amount, String currency, LocalDate paidOn) {
        return new NewFee(type, amount, currency, paidOn, "AGENCY", null, null, null);
    }
}
