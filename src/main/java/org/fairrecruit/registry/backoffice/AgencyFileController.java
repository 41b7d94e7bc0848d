package org.fairrecruit.registry.backoffice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.identity.Roles;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceTransition;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.StatusChange;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.monitoring.RiskScores;
import org.fairrecruit.registry.sanction.SanctionDecisions;
import org.fairrecruit.registry.sanction.SanctionKind;
import org.fairrecruit.registry.sanction.Sanctions;
import org.fairrecruit.registry.web.InvalidInput;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An agency's whole file for staff on one page: register entry, licences with their status history,
 * applications and proposals, sanctions, inspections, obligations and the risk score with its make-up.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/agencies")
@Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
@Hidden
class AgencyFileController {
    private static final String VIEW = "backoffice/agency";
    private final AgencyRegister register;
    private final Licensing licensing;
    private final ApplicationReview review;
    private final FourEyes fourEyes;
    private final Monitoring monitoring;
    private final RiskScores risk;
    private final Sanctions sanctions;
    private final Clock clock;

    AgencyFileController(AgencyRegister register, Licensing licensing, ApplicationReview review, FourEyes fourEyes,
                         Monitoring monitoring, RiskScores risk, Sanctions sanctions, Clock clock) {
        this.register = register;
        this.licensing = licensing;
        this.review = review;
        this.fourEyes = fourEyes;
        this.monitoring = monitoring;
        this.risk = risk;
        this.sanctions = sanctions;
        this.clock = clock;
    }

    /**
     * A licence with everything said about it. {@code moves} are what staff may start from its status;
     * {@code fourEyes} those of them that need a proposal and a second person.
     */
    record LicenceFile(Licence licence, List<StatusChange> history, List<?> applications, List<?> proposals,
                       List<LicenceTransition> moves, Set<LicenceTransition> fourEyes, Map<Long, String> proposers,
                       LocalDate renewalOpens) {
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id) {
        return new ModelAndView<>(VIEW, model(id, SanctionForm.EMPTY, Map.of()));
    }

    /** Proposes a sanction; it is recorded when a supervisor other than the proposer approves it. */
    @Post("/{id}/sanctions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeSanction(Authentication actor, @PathVariable long id, @Body SanctionForm form) {
        try {
            fourEyes.propose(actor.getName(), SanctionDecisions.draft(id, form.kind(), form.reason(), form.legalBasis(),
                    form.amount(), form.currency(), form.caseReference()));
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + id + "#sanctions"));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(id, form, invalid.byField())));
        }
    }

    private Map<String, Object> model(long id, SanctionForm sanctionForm, Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", register.get(id));
        model.put("licences", licensing.forAgency(id).stream().map(licence -> new LicenceFile(licence,
                licensing.history(licence.id()), review.forLicence(licence.id()),
                fourEyes.forSubject("LICENCE", licence.id()), staffMoves(licence), staffMoves(licence).stream()
                .filter(move -> licensing.decider(licence, move) == LicenceTransition.Decider.FOUR_EYES)
                .collect(Collectors.toSet()), proposers(licensing.history(licence.id())),
                licence.validUntil() == null ? null : licensing.renewalOpens(licence))).toList());
        model.put("mayApply", licensing.forAgency(id).stream().noneMatch(l -> l.status().holdsOrAwaits()));
        model.put("inspections", monitoring.inspections(id));
        model.put("obligations", monitoring.obligations(id));
        model.put("risk", risk.of(id));
        model.put("today", LocalDate.now(clock));
        model.put("severities", Monitoring.Severity.values());
        model.put("obligationKinds", Monitoring.ObligationKind.values());
        model.put("personRoles", Agency.PersonRole.values());
        model.put("sanctions", sanctions.forAgency(id));
        model.put("sanctionProposals", fourEyes.forSubject(SanctionDecisions.SUBJECT, id));
        model.put("sanctionKinds", SanctionKind.values());
        model.put("sanctionForm", sanctionForm);
        model.put("errors", errors);
        return model;
    }

    @Serdeable
    record SanctionForm(@Nullable String kind, @Nullable String amount, @Nullable String currency,
                        @Nullable String caseReference, @Nullable String reason, @Nullable String legalBasis) {
        static final SanctionForm EMPTY = new SanctionForm(null, "", "", "", "", "");
    }

    /** Who proposed each four-eyes change of the history: the history row itself names the approver. */
    private Map<Long, String> proposers(List<StatusChange> history) {
        return history.stream().filter(change -> change.proposalId() != null).collect(Collectors.toMap(
                StatusChange::id, change -> fourEyes.get(change.proposalId()).proposedBy()));
    }

    private static List<LicenceTransition> staffMoves(Licence licence) {
        return Arrays.stream(LicenceTransition.values())
                .filter(t -> t.allowedFrom(licence.status()))
                .filter(t -> t.decider() != LicenceTransition.Decider.SCHEDULE)
                .filter(t -> t != LicenceTransition.GRANT && t != LicenceTransition.RENEW)
                .toList();
    }
}
