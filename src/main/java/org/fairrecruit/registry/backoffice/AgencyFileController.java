package org.fairrecruit.registry.backoffice;

import io.micronaut.http.HttpRequest;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.BranchInput;
import org.fairrecruit.registry.agency.KeyPersonInput;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceDecisions;
import org.fairrecruit.registry.licensing.LicenceTransition;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.StatusChange;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.monitoring.RiskScores;
import org.fairrecruit.registry.sanction.SanctionDecisions;
import org.fairrecruit.registry.sanction.SanctionKind;
import org.fairrecruit.registry.sanction.Sanctions;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Countries;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;
import org.fairrecruit.registry.web.Languages;

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
@Controller("/staff")
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
    private final Languages languages;
    private final FormSubmissions submissions;

    AgencyFileController(AgencyRegister register, Licensing licensing, ApplicationReview review, FourEyes fourEyes,
                         Monitoring monitoring, RiskScores risk, Sanctions sanctions, Clock clock, Languages languages,
                         FormSubmissions submissions) {
        this.languages = languages;
        this.submissions = submissions;
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

    @Get("/agencies/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, @PathVariable long id) {
        return new ModelAndView<>(VIEW, model(request, id, null));
    }

    @Post("/agencies/{id}/branches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> addBranch(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                              @Body Map<String, String> values) {
        FormInput form = new FormInput("branch", values);
        return submit(request, id, "#branches", form, () -> register.addBranch(actor.getName(), id, branch(form)));
    }

    @Post("/agencies/{id}/branches/{branchId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> editBranch(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                               @PathVariable long branchId, @Body Map<String, String> values) {
        FormInput form = new FormInput("edit-branch-" + branchId, values);
        return submit(request, id, "#branches", form,
                () -> register.updateBranch(actor.getName(), id, branchId, branch(form)));
    }

    private static BranchInput branch(FormInput form) {
        return new BranchInput(form.text("name"), form.text("address"), form.text("country"), form.text("phone"),
                form.date("openedOn"));
    }

    @Post("/agencies/{id}/branches/{branchId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> closeBranch(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                @PathVariable long branchId, @Body Map<String, String> values) {
        FormInput form = new FormInput("close-branch-" + branchId, values);
        return submit(request, id, "#branches", form, () -> {
            LocalDate closedOn = form.date("date");
            register.closeBranch(actor.getName(), id, branchId, closedOn);
        });
    }

    @Post("/agencies/{id}/key-persons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> addKeyPerson(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                 @Body Map<String, String> values) {
        FormInput form = new FormInput("key-person", values);
        return submit(request, id, "#key-persons", form, () -> register.addKeyPerson(actor.getName(), id, person(form)));
    }

    @Post("/agencies/{id}/key-persons/{personId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> editKeyPerson(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                  @PathVariable long personId, @Body Map<String, String> values) {
        FormInput form = new FormInput("edit-key-person-" + personId, values);
        return submit(request, id, "#key-persons", form,
                () -> register.updateKeyPerson(actor.getName(), id, personId, person(form)));
    }

    private static KeyPersonInput person(FormInput form) {
        return new KeyPersonInput(form.text("fullName"), form.text("nativeName"),
                form.choice(Agency.PersonRole.class, "role"), form.text("nationality"), form.integer("birthYear"),
                form.date("startedOn"));
    }

    @Post("/agencies/{id}/key-persons/{personId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> endKeyPerson(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                 @PathVariable long personId, @Body Map<String, String> values) {
        FormInput form = new FormInput("end-key-person-" + personId, values);
        return submit(request, id, "#key-persons", form, () -> {
            LocalDate endedOn = form.date("date");
            register.endKeyPerson(actor.getName(), id, personId, endedOn);
        });
    }

    @Post("/agencies/{agencyId}/inspections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> inspect(HttpRequest<?> request, Authentication actor, @PathVariable long agencyId,
                            @Body Map<String, String> values) {
        FormInput form = new FormInput("inspection", values);
        return submit(request, agencyId, "#monitoring", form, () -> {
            LocalDate inspectedOn = form.date("inspectedOn");
            Monitoring.Severity severity = form.choice(Monitoring.Severity.class, "severity");
            LocalDate followUpOn = form.date("followUpOn");
            monitoring.recordInspection(actor.getName(), agencyId, inspectedOn, form.text("summary"),
                    form.text("finding") == null ? List.of()
                            : List.of(new Monitoring.FindingInput(severity, form.text("finding"), followUpOn)));
        });
    }

    @Post("/agencies/{agencyId}/obligations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> addObligation(HttpRequest<?> request, Authentication actor, @PathVariable long agencyId,
                                  @Body Map<String, String> values) {
        FormInput form = new FormInput("obligation", values);
        return submit(request, agencyId, "#monitoring", form, () -> monitoring.addObligation(actor.getName(), agencyId,
                form.choice(Monitoring.ObligationKind.class, "kind"), form.text("description"), form.date("dueOn")));
    }

    @Post("/agencies/{agencyId}/inspections/{inspectionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> editInspection(HttpRequest<?> request, Authentication actor, @PathVariable long agencyId,
                                   @PathVariable long inspectionId, @Body Map<String, String> values) {
        FormInput form = new FormInput("edit-inspection-" + inspectionId, values);
        return submit(request, agencyId, "#monitoring", form, () -> monitoring.updateInspection(actor.getName(), agencyId,
                inspectionId, form.date("inspectedOn"), form.text("summary")));
    }

    @Post("/agencies/{agencyId}/findings/{findingId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> editFinding(HttpRequest<?> request, Authentication actor, @PathVariable long agencyId,
                                @PathVariable long findingId, @Body Map<String, String> values) {
        FormInput form = new FormInput("edit-finding-" + findingId, values);
        return submit(request, agencyId, "#monitoring", form, () -> {
            Integer version = form.integer("version");
            monitoring.updateFinding(actor.getName(), agencyId, findingId, version == null ? -1 : version,
                    new Monitoring.FindingInput(form.choice(Monitoring.Severity.class, "severity"), form.text("finding"),
                            form.date("followUpOn")));
        });
    }

    /** Proposes a suspension or revocation of a licence; it takes effect when a different supervisor approves. */
    @Post("/licences/{id}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeLicenceDecision(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                           @Body Map<String, String> values) {
        String action = values.getOrDefault("action", "");
        FormInput form = new FormInput("propose-" + action + "-" + id, values);
        return submit(request, licensing.get(id).agencyId(), "#licences", form, () -> {
            form.date(LicenceDecisions.SUSPENDED_UNTIL);
            fourEyes.propose(actor.getName(), new ProposalDraft(LicenceDecisions.SUBJECT, id, action, form.text("reason"),
                    form.text("legalBasis"), LicenceDecisions.details(form.text("publicReason"), form.text("publicRemarks"),
                    form.text("remarksLang"), form.text(LicenceDecisions.SUSPENDED_UNTIL))));
        });
    }

    /**
     * The one way this page's forms are handled: {@code action} reads the form and acts ({@link FormSubmissions}:
     * what could not be read is refused together with the service's own refusals); on success back to the page's section, on refusal the page again with that form open, everything typed
     * kept and every error beside its field.
     */
    private HttpResponse<?> submit(HttpRequest<?> request, long agencyId, String section, FormInput form, Runnable action) {
        try {
            submissions.run(form, action);
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + agencyId + section));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(request, agencyId, form.failed(invalid))));
        }
    }

    /** Proposes a sanction; it is recorded when a supervisor other than the proposer approves it. */
    @Post("/agencies/{id}/sanctions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeSanction(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                    @Body Map<String, String> values) {
        FormInput form = new FormInput("sanction", values);
        return submit(request, id, "#sanctions", form, () -> fourEyes.propose(actor.getName(), SanctionDecisions.draft(id,
                form.text("kind"), form.text("reason"), form.text("legalBasis"), form.text("amount"),
                form.text("currency"), form.text("caseReference"))));
    }

    private Map<String, Object> model(HttpRequest<?> request, long id, FormInput.Failed failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("failed", failed);
        model.put("countries", Countries.in(languages.resolve(request)));
        Agency agency = register.get(id);
        List<Monitoring.Inspection> inspections = monitoring.inspections(id);
        model.put("agency", agency);
        model.put("licences", licensing.forAgency(id).stream().map(licence -> new LicenceFile(licence,
                licensing.history(licence.id()), review.forLicence(licence.id()),
                fourEyes.forSubject("LICENCE", licence.id()), staffMoves(licence), staffMoves(licence).stream()
                .filter(move -> licensing.decider(licence, move) == LicenceTransition.Decider.FOUR_EYES)
                .collect(Collectors.toSet()), proposers(licensing.history(licence.id())),
                licence.validUntil() == null ? null : licensing.renewalOpens(licence))).toList());
        model.put("mayApply", licensing.forAgency(id).stream().noneMatch(l -> l.status().holdsOrAwaits()));
        model.put("inspections", inspections);
        model.put("obligations", monitoring.obligations(id));
        model.put("risk", risk.of(id));
        model.put("today", LocalDate.now(clock));
        // What the close and end forms propose: today.
        model.put("todayValues", Map.of("date", LocalDate.now(clock).toString()));
        model.put("editValues", editValues(agency, inspections));
        model.put("severities", Monitoring.Severity.values());
        model.put("obligationKinds", Monitoring.ObligationKind.values());
        model.put("personRoles", Agency.PersonRole.values());
        model.put("sanctions", sanctions.forAgency(id));
        model.put("sanctionProposals", fourEyes.forSubject(SanctionDecisions.SUBJECT, id));
        model.put("sanctionKinds", SanctionKind.values());
        return model;
    }

    /** What each edit form of the page starts with: the record as it stands, by form name. */
    private static Map<String, Map<String, String>> editValues(Agency agency, List<Monitoring.Inspection> inspections) {
        Map<String, Map<String, String>> values = new HashMap<>();
        agency.branches().forEach(b -> values.put("edit-branch-" + b.id(), texts("name", b.name(), "address", b.address(),
                "country", b.country(), "phone", b.phone(), "openedOn", b.openedOn())));
        agency.keyPersons().forEach(p -> values.put("edit-key-person-" + p.id(), texts("fullName", p.fullName(),
                "nativeName", p.nativeName(), "role", p.role(), "nationality", p.nationality(), "birthYear", p.birthYear(),
                "startedOn", p.startedOn())));
        inspections.forEach(i -> {
            values.put("edit-inspection-" + i.id(), texts("inspectedOn", i.inspectedOn(), "summary", i.summary()));
            i.findings().forEach(f -> values.put("edit-finding-" + f.id(), texts("severity", f.severity(),
                    "finding", f.description(), "followUpOn", f.followUpOn(), "version", f.version())));
        });
        return values;
    }

    /** Field names and values as a form shows them (absent values left out). */
    private static Map<String, String> texts(Object... namesAndValues) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                texts.put((String) namesAndValues[i], namesAndValues[i + 1].toString());
            }
        }
        return texts;
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
