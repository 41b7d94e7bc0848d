package org.fairrecruit.registry.backoffice;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.monitoring.RiskScore;
import org.fairrecruit.registry.monitoring.RiskScores;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The monitoring work queues: licences expiring in 90 days, overdue obligations and follow-ups, highest risk. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/monitoring")
@Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
@Hidden
class QueuesController {
    static final int EXPIRY_HORIZON_DAYS = 90;
    private static final int QUEUE = 50;
    private final Licensing licensing;
    private final Monitoring monitoring;
    private final RiskScores risk;
    private final AgencyRegister agencies;

    QueuesController(Licensing licensing, Monitoring monitoring, RiskScores risk, AgencyRegister agencies) {
        this.licensing = licensing;
        this.monitoring = monitoring;
        this.risk = risk;
        this.agencies = agencies;
    }

    record Risky(RiskScore score, String agencyName) {
    }

    @Get
    @View("backoffice/queues")
    Map<String, Object> queues() {
        List<RiskScore> highest = risk.highest(QUEUE);
        Map<Long, String> names = agencies.legalNames(highest.stream().map(RiskScore::agencyId).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("horizon", EXPIRY_HORIZON_DAYS);
        model.put("expiring", licensing.expiringWithin(EXPIRY_HORIZON_DAYS, QUEUE));
        model.put("obligations", monitoring.overdueObligations(QUEUE));
        model.put("followUps", monitoring.overdueFollowUps(QUEUE));
        model.put("highestRisk", highest.stream().map(s -> new Risky(s, names.get(s.agencyId()))).toList());
        return model;
    }
}
