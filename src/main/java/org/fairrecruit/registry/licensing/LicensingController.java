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
import org.fairrecruit.registry.web.CsrfProtection;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

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

    LicensingController(Licensing licensing, ApplicationReview review, AgencyRegister agencies, FourEyes fourEyes,
                        LicensingSettings settings, LicenceDocuments documents, Languages languages) {
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
    ModelAndView<Map<String, Object>> show(@PathVariable long id) {
        return new ModelAndView<>(APPLICATION, model(id, GrantForm.EMPTY, ProposeForm.EMPTY, Map.of()));
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
                           @Part("_csrf") @Nullable String csrf, @Part("document") CompletedFileUpload document) {
        CsrfProtection.requireMultipartToken(request, csrf);
        try {
            review.attach(actor.getName(), id, document.getFilename(),
                    document.getContentType().map(MediaType::toString).orElse(null), document.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return backTo(id, "documents");
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
    HttpResponse<?> note(Authentication actor, @PathVariable long id, @Body NoteForm form) {
        review.note(actor.getName(), id, form.note());
        return backTo(id, "notes");
    }

    @Post("/applications/{id}/screening")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> rescreen(Authentication actor, @PathVariable long id) {
        review.rescreen(actor.getName(), id);
        return backTo(id, "screening");
    }

    @Post("/applications/{id}/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> grant(Authentication actor, @PathVariable long id, @Body GrantForm form) {
        Application application = review.get(id);
        try {
            licensing.grant(actor.getName(), id, form.version() == null ? -1 : form.version(), new GrantTerms(
                    Forms.date("validFrom", form.validFrom()), form.conditions(), "on".equals(form.screeningReviewed())));
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + agencyOf(application)));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(APPLICATION, model(id, form, ProposeForm.EMPTY,
                    invalid.byField())));
        }
    }

    /** Proposes a refusal of the application; a supervisor must approve it. */
    @Post("/applications/{id}/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> proposeRefusal(Authentication actor, @PathVariable long id, @Body ProposeForm form) {
        Application application = review.get(id);
        try {
            fourEyes.propose(actor.getName(), new ProposalDraft(LicenceDecisions.SUBJECT, application.licenceId(),
                    LicenceTransition.REFUSE.name(), form.reason(), form.legalBasis(), LicenceDecisions.details(
                    form.publicReason(), form.publicRemarks(), form.remarksLang(), null)));
            return backTo(id, "decision");
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(APPLICATION, model(id, GrantForm.EMPTY, form,
                    invalid.byField())));
        }
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

    private Map<String, Object> model(long id, GrantForm grant, ProposeForm refusal,
                                      Map<String, InvalidInput.FieldError> errors) {
        Application application = review.get(id);
        Licence licence = licensing.get(application.licenceId());
        Map<String, Object> model = new HashMap<>();
        model.put("application", application);
        model.put("licence", licence);
        model.put("agency", agencies.get(licence.agencyId()));
        model.put("checklist", review.checklist(id));
        model.put("documents", review.documents(id));
        model.put("notes", review.notes(id));
        model.put("hits", review.screeningHits(id));
        model.put("hasMatch", review.hasScreeningMatch(application));
        model.put("proposals", fourEyes.forSubject(LicenceDecisions.SUBJECT, licence.id()));
        model.put("validityYears", settings.validityYears());
        model.put("grant", grant);
        model.put("refusal", refusal);
        model.put("errors", errors);
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
    record NoteForm(@Nullable String note) {
    }

    @Serdeable
    record GrantForm(@Nullable Long version, @Nullable String validFrom, @Nullable String conditions,
                     @Nullable String screeningReviewed) {
        static final GrantForm EMPTY = new GrantForm(null, "", "", null);
    }

    @Serdeable
    record ProposeForm(@Nullable String action, @Nullable String reason, @Nullable String legalBasis,
                       @Nullable String suspendedUntil, @Nullable String publicReason, @Nullable String publicRemarks,
                       @Nullable String remarksLang) {
        static final ProposeForm EMPTY = new ProposeForm(null, "", "", "", null, "", null);
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
