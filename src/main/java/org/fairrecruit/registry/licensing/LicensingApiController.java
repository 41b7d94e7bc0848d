package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.kernel.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Staff API of the licensing lifecycle: applications, review, grants, renewals and licence moves. */
@Controller("/api/v1/staff")
@Tag(name = "Staff: licensing")
class LicensingApiController {
    private final Licensing licensing;
    private final ApplicationReview review;
    private final FourEyes fourEyes;

    LicensingApiController(Licensing licensing, ApplicationReview review, FourEyes fourEyes) {
        this.licensing = licensing;
        this.review = review;
        this.fourEyes = fourEyes;
    }

    @Serdeable
    record LicenceView(Licence licence, List<StatusChange> history, List<Application> applications) {
    }

    @Serdeable
    record ApplicationView(Application application, List<ApplicationReview.ChecklistItem> checklist,
                           List<ScreeningHit> screening) {
    }

    @Serdeable
    record ChecklistUpdate(boolean checked) {
    }

    @Serdeable
    /** {@code reason} is the internal note; {@code publicReason} (a code) and {@code publicRemarks} are published. */
    record LicenceProposal(String action, String reason, String legalBasis, @Nullable String suspendedUntil,
                           @Nullable String publicReason, @Nullable String publicRemarks, @Nullable String remarksLang) {
    }

    @Get("/agencies/{agencyId}/licences")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "An agency's licences and applications, newest first")
    List<Licence> licences(@PathVariable long agencyId) {
        return licensing.forAgency(agencyId);
    }

    @Post("/agencies/{agencyId}/applications")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "File a new licence application (screened at once)")
    HttpResponse<ApplicationView> apply(Authentication actor, @PathVariable long agencyId) {
        return HttpResponse.status(HttpStatus.CREATED).body(view(licensing.apply(actor.getName(), agencyId).id()));
    }

    @Get("/applications/{id}")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "An application with its checklist and screening result")
    ApplicationView application(@PathVariable long id) {
        return view(id);
    }

    @Put("/applications/{id}/checklist/{item}")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Confirm or withdraw one checklist item")
    ApplicationView check(Authentication actor, @PathVariable long id, @PathVariable String item,
                          @Body ChecklistUpdate update) {
        review.check(actor.getName(), id, item, update.checked());
        return view(id);
    }

    @Post("/applications/{id}/grant")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Grant an application; `version` is the application's (409 when it changed)")
    Licence grant(Authentication actor, @PathVariable long id, @Body Grant grant) {
        return licensing.grant(actor.getName(), id, grant.version(),
                new GrantTerms(grant.validFrom(), grant.conditions()));
    }

    @Serdeable
    record Grant(long version, @Nullable LocalDate validFrom, @Nullable String conditions) {
    }

    @Get("/licences/{id}")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A licence with its status history and applications")
    LicenceView licence(@PathVariable long id) {
        return new LicenceView(licensing.get(id), licensing.history(id), review.forLicence(id));
    }

    @Post("/licences/{id}/renewals")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "File a renewal (only inside the renewal window)")
    HttpResponse<ApplicationView> renew(Authentication actor, @PathVariable long id) {
        return HttpResponse.status(HttpStatus.CREATED).body(view(licensing.renew(actor.getName(), id).id()));
    }

    @Post("/licences/{id}/proposals")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Propose REFUSE, SUSPEND or REVOKE; it takes effect when another supervisor approves")
    HttpResponse<Proposal> propose(Authentication actor, @PathVariable long id, @Body LicenceProposal proposal) {
        Map<String, String> details = LicenceDecisions.details(proposal.publicReason(), proposal.publicRemarks(),
                proposal.remarksLang(), proposal.suspendedUntil());
        return HttpResponse.status(HttpStatus.CREATED).body(fourEyes.propose(actor.getName(), new ProposalDraft(
                LicenceDecisions.SUBJECT, id, proposal.action(), proposal.reason(), proposal.legalBasis(), details)));
    }

    @Post("/licences/{id}/reinstatement")
    @Secured({Roles.LICENSING_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Reinstate a suspended licence")
    Licence reinstate(Authentication actor, @PathVariable long id, @Body OfficerDecision decision) {
        return licensing.reinstate(actor.getName(), id, decision);
    }

    @Post("/licences/{id}/surrender")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Record the voluntary surrender of an active licence")
    Licence surrender(Authentication actor, @PathVariable long id, @Body OfficerDecision decision) {
        return licensing.surrender(actor.getName(), id, decision);
    }

    private ApplicationView view(long applicationId) {
        return new ApplicationView(review.get(applicationId), review.checklist(applicationId),
                review.screeningHits(applicationId));
    }
}
