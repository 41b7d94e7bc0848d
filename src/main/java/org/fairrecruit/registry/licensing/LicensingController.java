package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.CsrfInMultipartBody;
import org.fairrecruit.registry.web.Countries;
import org.fairrecruit.registry.web.CsrfProtection;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Back-office pages for applications (review, grant) and licence moves (renewal, proposals, reinstatement, surrender). */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Hidden
class LicensingController {
    private static final String APPLICATION = "licensing/application";
    private final Licensing licensing;
    private final ApplicationReview review;
    private final AgencyRegister agencies;
    private final FourEyes fourEyes;
    private final LicensingSettings settings;
    private final LicenceDocuments documents;
    private final Languages languages;
    private final ScreeningClearances clearances;
    private final FormSubmissions submissions;

    LicensingController(Licensing licensing, ApplicationReview review, AgencyRegister agencies, FourEyes fourEyes,
                        LicensingSettings settings, LicenceDocuments documents, Languages languages,
                        ScreeningClearances clearances, FormSubmissions submissions) {
        this.clearances = clearances;
        this.submissions = submissions;
        this.documents = documents;
        this.languages = languages;
        this.licensing = licensing;
        this.review = review;
        this.agencies = agencies;
        this.fourEyes = fourEyes;
        this.settings = settings;
    }

    @Post("/agencies/{agencyId}/applications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> apply(Authentication actor, @PathVariable long agencyId) {
        Application application = licensing.apply(actor.getName(), agencyId);
        return HttpResponse.seeOther(URI.create("/staff/applications/" + application.id()));
    }

    @Get("/applications/{id}")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, @PathVariable long id) {
        return new ModelAndView<>(APPLICATION, model(request, id, null));
    }

    @Post("/applications/{id}/checklist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> check(Authentication actor, @PathVariable long id, @Body ChecklistForm form) {
        review.check(actor.getName(), id, form.item(), "on".equals(form.checked()));
        return backTo(id, "checklist");
    }

    @Post("/applications/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.LICENSING_OFFICER)
    @CsrfInMultipartBody
    HttpResponse<?> attach(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                           @Part("_csrf") @Nullable String csrf, @Part("document") @Nullable CompletedFileUpload document) {
        CsrfProtection.requireMultipartToken(request, csrf);
        return submit(request, id, "documents", new FormInput("document", Map.of()), () -> {
            try {
                // No file chosen: the browser sends an empty part, or none at all.
                review.attach(actor.getName(), id, document == null ? "" : document.getFilename(), document == null ? null
                        : document.getContentType().map(MediaType::toString).orElse(null),
                        document == null ? new byte[0] : document.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Get("/applications/{id}/documents/{documentId}")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        ApplicationReview.Document meta = review.documents(id).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new RegistryException.NotFound("document", documentId));
        byte[] content = review.documentContent(id, documentId).orElseThrow();
        return HttpResponse.ok(content).contentType(meta.contentType())
                .header("Content-Disposition", "attachment; filename=\"document-" + documentId + "\"");
    }

    @Post("/applications/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.SUPERVISOR})
    HttpResponse<?> note(HttpRequest<?> request, Authentication actor, @PathVariable long id, @Body Map<String, String> values) {
        FormInput form = new FormInput("note", values);
        return submit(request, id, "notes", form, () -> review.note(actor.getName(), id, form.text("note")));
    }

    @Post("/applications/{id}/screening")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> rescreen(Authentication actor, @PathVariable long id) {
        review.rescreen(actor.getName(), id);
        return backTo(id, "screening");
    }

    /**
     * Proposes clearing a screening MATCH (the person screened is not the one listed); it counts once a supervisor
     * other than the proposer approves it.
     */
    @Post("/applications/{id}/screening/{hitId}/clearance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> proposeClearance(HttpRequest<?> request, Authentication actor, @PathVariable long id, @PathVariable long hitId,
                                     @Body Map<String, String> values) {
        if (review.reviewedHit(hitId).filter(hit -> hit.applicationId() == id).isEmpty()) {
            throw new RegistryException.NotFound("screening hit", hitId);
        }
        FormInput form = new FormInput("clear-" + hitId, values);
        return submit(request, id, "screening", form, () -> {
            ScreeningClearances.ClearReason reason = form.choice(ScreeningClearances.ClearReason.class,
                    ScreeningClearances.CLEAR_REASON);
            fourEyes.propose(actor.getName(), clearances.draft(hitId, reason, form.text("reason"), form.text("legalBasis")));
        });
    }

    /** Grants the application; a date that is not a real day is refused beside the grant's other rules. */
    @Post("/applications/{id}/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> grant(HttpRequest<?> request, Authentication actor, @PathVariable long id, @Body Map<String, String> values) {
        Application application = review.get(id);
        FormInput form = new FormInput("grant", values);
        try {
            submissions.run(form, () -> licensing.grant(actor.getName(), id, version(form),
                    new GrantTerms(form.date("validFrom"), form.text("conditions"))));
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + agencyOf(application)));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(APPLICATION, model(request, id, form.failed(invalid))));
        }
    }

    /** Proposes a refusal of the application; a supervisor must approve it. */
    @Post("/applications/{id}/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> proposeRefusal(HttpRequest<?> request, Authentication actor, @PathVariable long id, @Body Map<String, String> values) {
        Application application = review.get(id);
        FormInput form = new FormInput("refusal", values);
        return submit(request, id, "decision", form, () -> fourEyes.propose(actor.getName(), new ProposalDraft(
                LicenceDecisions.SUBJECT, application.licenceId(), LicenceTransition.REFUSE.name(), form.text("reason"),
                form.text("legalBasis"), LicenceDecisions.details(form.text("publicReason"), form.text("publicRemarks"),
                form.text("remarksLang"), null))));
    }

    @Post("/licences/{id}/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> renew(Authentication actor, @PathVariable long id) {
        Application application = licensing.renew(actor.getName(), id);
        return HttpResponse.seeOther(URI.create("/staff/applications/" + application.id()));
    }

    @Post("/licences/{id}/reinstatement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.SUPERVISOR})
    HttpResponse<?> reinstate(Authentication actor, @PathVariable long id, @Body DecisionForm form) {
        Licence licence = licensing.reinstate(actor.getName(), id, form.decision());
        return HttpResponse.seeOther(URI.create("/staff/agencies/" + licence.agencyId() + "#licences"));
    }

    @Post("/licences/{id}/surrender")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> surrender(Authentication actor, @PathVariable long id, @Body DecisionForm form) {
        Licence licence = licensing.surrender(actor.getName(), id, form.decision());
        return HttpResponse.seeOther(URI.create("/staff/agencies/" + licence.agencyId() + "#licences"));
    }

    @Get("/licences/{id}/certificate.pdf")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> certificate(HttpRequest<?> request, @PathVariable long id) {
        return pdf(documents.certificate(id, languages.resolve(request)), "licence-" + id + ".pdf");
    }

    @Get("/licences/{id}/decisions/{changeId}/letter.pdf")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> decisionLetter(HttpRequest<?> request, @PathVariable long id, @PathVariable long changeId) {
        return pdf(documents.decisionLetter(id, changeId, languages.resolve(request)), "decision-" + changeId + ".pdf");
    }

    private static HttpResponse<byte[]> pdf(byte[] content, String fileName) {
        return HttpResponse.ok(content).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }

    /**
     * The one way this page's forms are handled: {@code action} reads its form, refuses what it could not read, and
     * acts; on success back to the page's section, on refusal the page again with that form open, everything typed
     * kept and every error beside its field.
     */
    private HttpResponse<?> submit(HttpRequest<?> request, long applicationId, String section, FormInput form, Runnable action) {
        try {
            submissions.run(form, action);
            return backTo(applicationId, section);
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(APPLICATION, model(request, applicationId, form.failed(invalid))));
        }
    }

    /** The version the form was read at; unreadable is never current, so the service answers that it changed. */
    private static long version(FormInput form) {
        Integer version = form.integer("version");
        return version == null ? -1 : version;
    }

    private Map<String, Object> model(HttpRequest<?> request, long id, FormInput.Failed failed) {
        Application application = review.get(id);
        Licence licence = licensing.get(application.licenceId());
        Map<String, Object> model = new HashMap<>();
        model.put("application", application);
        model.put("licence", licence);
        model.put("agency", agencies.get(licence.agencyId()));
        model.put("checklist", review.checklist(id));
        model.put("documents", review.documents(id));
        model.put("notes", review.notes(id));
        List<ApplicationReview.ReviewedHit> hits = review.reviewedHits(id);
        model.put("hits", hits);
        // Each hit's clearance proposals, newest first: the open one, or why the last one did not clear it.
        model.put("clearing", hits.stream().collect(Collectors.toMap(ApplicationReview.ReviewedHit::id,
                hit -> fourEyes.forSubject(ScreeningClearances.SUBJECT, hit.id()))));
        model.put("clearReasons", ScreeningClearances.ClearReason.values());
        model.put("countryNames", Countries.in(languages.resolve(request)).stream()
                .collect(Collectors.toMap(Countries.Country::code, Countries.Country::name)));
        model.put("proposals", fourEyes.forSubject(LicenceDecisions.SUBJECT, licence.id()));
        model.put("validityYears", settings.validityYears());
        model.put("failed", failed);
        return model;
    }

    private long agencyOf(Application application) {
        return licensing.get(application.licenceId()).agencyId();
    }

    private static HttpResponse<?> backTo(long applicationId, String section) {
        return HttpResponse.seeOther(URI.create("/staff/applications/" + applicationId + "#" + section));
    }

    @Serdeable
    record ChecklistForm(String item, @Nullable String checked) {
    }

    @Serdeable
    record DecisionForm(@Nullable Long version, @Nullable String reason, @Nullable String legalBasis,
                        @Nullable String publicReason, @Nullable String publicRemarks, @Nullable String remarksLang) {
        OfficerDecision decision() {
            return new OfficerDecision(version == null ? -1 : version, reason, legalBasis, publicReason, publicRemarks,
                    remarksLang);
        }
    }
}
