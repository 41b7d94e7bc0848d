package org.fairrecruit.registry.complaint;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.fee.NewFee;

import java.util.List;

/** Cases made through the real intake, for the complaint and fee tests. */
@Singleton
public class ComplaintFixtures {
    public static final String OPERATOR = "hotline-fixture";
    private final ComplaintIntake intake;

    ComplaintFixtures(ComplaintIntake intake) {
        this.intake = intake;
    }

    public Receipt phoneCase(Long agencyId, String destination, NewFee... fees) {
        return intake.receive(new NewComplaint(OPERATOR, Channel.PHONE, Category.PROHIBITED_FEES,
                "Paid a placement fee before departure.", "en", agencyId, null, null, destination, null, null, null,
                List.of(fees), List.of(), null));
    }

    public Receipt phoneCaseWithWage(Long agencyId, String destination, String wage, String wageCurrency, NewFee... fees) {
        return intake.receive(new NewComplaint(OPERATOR, Channel.PHONE, Category.PROHIBITED_FEES,
                "Paid a placement fee before departure.", "en", agencyId, null, null, destination, null, wage,
                wageCurrency, List.of(fees), List.of(), null));
    }
}
