package org.fairrecruit.registry.backoffice;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceTransition;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.monitoring.RiskScores;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's whole file for staff on one page: register entry, licences with their status history,
 * applications and proposals, inspections, obligations and the risk score with its make-up.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/agencies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class AgencyFileController {
    private final AgencyRegister register;
    private final Licensing licensing;
    private final ApplicationReview review;
    private final FourEyes fourEyes;
    private final Monitoring monitoring;
    private final RiskScores risk;
    private final Clock clock;

    AgencyFileController(AgencyRegister register, Licensing licensing, ApplicationReview review, FourEyes fourEyes,
                         Monitoring monitoring, RiskScores risk, Clock clock) {
        this.register = register;
        this.licensing = licensing;
        this.review = review;
        this.fourEyes = fourEyes;
        this.monitoring = monitoring;
        this.risk = risk;
        this.clock = clock;
    }

    /** A licence with everything said about it. {@code moves} are what staff may start from its status. */
    record LicenceFile(Licence licence, List<?> history, List<?> applications, List<?> proposals,
                       List<LicenceTransition> moves) {
    }

    @Get("/{id}")
    @View("backoffice/agency")
    Map<String, Object> show(@PathVariable long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", register.get(id));
        model.put("licences", licensing.forAgency(id).stream().map(licence -> new LicenceFile(licence,
                licensing.history(licence.id()), review.forLicence(licence.id()),
                fourEyes.forSubject("LICENCE", licence.id()), staffMoves(licence))).toList());
        model.put("mayApply", licensing.forAgency(id).stream().noneMatch(l -> l.status().holdsOrAwaits()));
        model.put("inspections", monitoring.inspections(id));
        model.put("obligations", monitoring.obligations(id));
        model.put("risk", risk.of(id));
        model.put("today", LocalDate.now(clock));
        model.put("severities", Monitoring.Severity.values());
        model.put("obligationKinds", Monitoring.ObligationKind.values());
        model.put("personRoles", Agency.PersonRole.values());
        return model;
    }

    private static List<LicenceTransition> staffMoves(Licence licence) {
        return Arrays.stream(LicenceTransition.values())
                .filter(t -> t.allowedFrom(licence.status()))
                .filter(t -> t.decider() != LicenceTransition.Decider.SCHEDULE)
                .filter(t -> t != LicenceTransition.GRANT && t != LicenceTransition.RENEW)
                .toList();
    }
}
