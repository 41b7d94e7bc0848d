package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.fee.Fee;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.Page;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** Staff API of complaint cases (bearer token from POST /api/v1/staff/tokens). */
@Controller("/api/v1/staff/complaints")
@Tag(name = "Staff: complaints and fees")
class ComplaintApiController {
    private final ComplaintIntake intake;
    private final ComplaintCases cases;
    private final OutcomeDecisions outcomes;

    ComplaintApiController(ComplaintIntake intake, ComplaintCases cases, OutcomeDecisions outcomes) {
        this.intake = intake;
        this.cases = cases;
        this.outcomes = outcomes;
    }

    @Serdeable
    record NewCase(@Nullable String channel, @Nullable String category, @Nullable String summary,
                   @Nullable Long agencyId, @Nullable String recruiterName, @Nullable Long recruiterId,
                   @Nullable String destinationCountry, @Nullable String employer, @Nullable String monthlyWage,
                   @Nullable String wageCurrency, @Nullable Contact reporter, @Nullable String language,
                   @Nullable List<NewFee> fees) {
    }

    @Serdeable
    record Transition(@Nullable String to, @Nullable String reason) {
    }

    @Serdeable
    record Assignment(@Nullable String investigator) {
    }

    @Serdeable
    record Note(@Nullable String text, @Nullable String lang) {
    }

    @Serdeable
    record Statement(@Nullable String reason, @Nullable String remarks, @Nullable String lang) {
        CaseView.Statement parsed() {
            return new CaseView.Statement(ApiInput.parseOptional(PublicReason.class, reason, "publicStatement.reason"),
                    remarks, lang);
        }
    }

    @Serdeable
    record OutcomeInput(@Nullable String outcome, @Nullable Statement publicStatement, @Nullable String internalNote) {
    }

    /** SUBSTANTIATED answers 202 with the proposal a supervisor approves; other outcomes 200 with the case. */
    @Serdeable
    record OutcomeResult(@Nullable CaseView.Case complaint, @Nullable Proposal proposal) {
    }

    @Serdeable
    record RefundInput(@Nullable String amount, @Nullable LocalDate on) {
    }

    @Serdeable
    record ListingInput(@Nullable String target, @Nullable String reasonCategory, @Nullable String reason,
                        @Nullable String legalBasis, @Nullable LocalDate expiresOn) {
    }

    @Serdeable
    record SanctionInput(@Nullable String kind, @Nullable String reason, @Nullable String legalBasis,
                         @Nullable String amount, @Nullable String currency) {
    }

    @Post
    @Secured({Roles.HOTLINE_OPERATOR, Roles.INVESTIGATOR})
    @Operation(summary = "Open a case (phone, walk-in, e-mail, referral); answers 201 {id, reference, status}")
    HttpResponse<Receipt> create(Authentication actor, @Body NewCase body) {
        Receipt receipt = intake.receive(new NewComplaint(actor.getName(), ApiInput.parse(Channel.class, body.channel(), "channel"),
                ApiInput.parse(Category.class, body.category(), "category"), body.summary(), body.language(), body.agencyId(),
                body.recruiterName(), body.recruiterId(), body.destinationCountry(), body.employer(), body.monthlyWage(),
                body.wageCurrency(), body.fees(), List.of(), body.reporter()));
        return HttpResponse.status(HttpStatus.CREATED).body(receipt);
    }

    @Get
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Cases, newest first, by reference (as typed or heard) or status; paged (size ≤ 100)")
    Page<CaseView.Summary> list(@Nullable @QueryValue String reference, @Nullable @QueryValue String status,
                                @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging paging = Paging.of(page, size);
        return new Page<>(cases.list(reference, ApiInput.parseOptional(ComplaintStatus.class, status, "status"),
                paging.page(), paging.size()), paging.page(), paging.size());
    }

    @Get("/{id}")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "A case with assignment, ageing, fees with their policy evaluation and events (operators: own intake, no notes)")
    CaseView.Case get(Authentication viewer, @PathVariable long id) {
        return cases.view(viewer, id);
    }

    @Get("/{id}/contact")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The complainant's contact details (decrypted; every view is audited); 404 when none were given")
    Contact contact(Authentication viewer, @PathVariable long id) {
        return cases.contact(viewer.getName(), id).orElseThrow(() -> new RegistryException.NotFound("contact", id));
    }

    @Post("/{id}/transitions")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Move a case (RECEIVED → TRIAGED → UNDER_INVESTIGATION); an illegal move is 409 naming both statuses")
    CaseView.Case transition(Authentication actor, @PathVariable long id, @Body Transition body) {
        return cases.move(actor.getName(), id, ApiInput.parse(ComplaintStatus.class, body.to(), "to"), body.reason());
    }

    @Post("/{id}/assignment")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Assign the case to an investigator (who is told by e-mail)")
    CaseView.Case assign(Authentication actor, @PathVariable long id, @Body Assignment body) {
        return cases.assign(actor.getName(), id, body.investigator());
    }

    @Post("/{id}/notes")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Add an investigation note (never shown to the hotline operator or the public)")
    CaseView.Case note(Authentication actor, @PathVariable long id, @Body Note body) {
        return cases.note(actor.getName(), id, body.text(), body.lang());
    }

    @Put("/{id}/links")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Link the case to a registered agency and its key persons, or an unlicensed recruiter; set the worker's monthly wage")
    CaseView.Case link(Authentication actor, @PathVariable long id, @Body ComplaintCases.Links body) {
        return cases.link(actor.getName(), id, body);
    }

    @Post("/{id}/fees")
    @Secured({Roles.INVESTIGATOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Record a fee; answers 201 with its evaluation {prohibited, prohibitedAmount, policyId}")
    HttpResponse<Fee> addFee(Authentication actor, @PathVariable long id, @Body NewFee body) {
        return HttpResponse.status(HttpStatus.CREATED).body(cases.addFee(actor, id, body));
    }

    @Post("/{id}/fees/{feeId}/refund-orders")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Order a refund of a prohibited fee, in its currency, at most the prohibited amount not yet ordered")
    Fee orderRefund(Authentication actor, @PathVariable long id, @PathVariable long feeId, @Body RefundInput body) {
        return cases.orderRefund(actor.getName(), id, feeId, body.amount(), body.on());
    }

    @Post("/{id}/fees/{feeId}/refunds")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Record a refund actually paid, at most what was ordered and not paid yet")
    Fee recordRefund(Authentication actor, @PathVariable long id, @PathVariable long feeId, @Body RefundInput body) {
        return cases.recordRefund(actor.getName(), id, feeId, body.amount(), body.on());
    }

    @Post(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Attach an evidence file (multipart `file`); stored with its SHA-256")
    HttpResponse<ComplaintAttachments.Attachment> evidence(Authentication actor, @PathVariable long id,
                                                           @Part("file") CompletedFileUpload file) {
        try {
            return HttpResponse.status(HttpStatus.CREATED).body(cases.addEvidence(actor.getName(), id, new NewAttachment(
                    file.getFilename(), file.getContentType().map(MediaType::toString).orElse(null), file.getBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/{id}/evidence/{attachmentId}")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Download an evidence file")
    HttpResponse<byte[]> download(Authentication viewer, @PathVariable long id, @PathVariable long attachmentId) {
        ComplaintAttachments.Content content = cases.evidence(viewer, id, attachmentId)
                .orElseThrow(() -> new RegistryException.NotFound("attachment", attachmentId));
        return HttpResponse.ok(content.bytes()).contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"evidence-" + attachmentId + "\"")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post("/{id}/outcome")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "Close the case: SUBSTANTIATED is proposed (202, a SUPERVISOR other than the proposer approves "
            + "at /api/v1/staff/proposals); UNSUBSTANTIATED, WITHDRAWN, REFERRED take effect (200)")
    HttpResponse<OutcomeResult> outcome(Authentication actor, @PathVariable long id, @Body OutcomeInput body) {
        Outcome outcome = ApiInput.parse(Outcome.class, body.outcome(), "outcome");
        CaseView.Statement statement = body.publicStatement() == null ? new CaseView.Statement(null, null, null)
                : body.publicStatement().parsed();
        if (outcome == Outcome.SUBSTANTIATED) {
            return HttpResponse.status(HttpStatus.ACCEPTED).body(new OutcomeResult(null,
                    outcomes.propose(actor.getName(), id, statement, body.internalNote())));
        }
        return HttpResponse.ok(new OutcomeResult(cases.close(actor.getName(), id, outcome, statement, body.internalNote()), null));
    }

    @Post("/{id}/listing-proposals")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "From a substantiated case: propose blacklisting its agency (target AGENCY) or unlicensed recruiter (RECRUITER)")
    HttpResponse<Proposal> proposeListing(Authentication actor, @PathVariable long id, @Body ListingInput body) {
        boolean recruiter = ApiInput.parse(Target.class, body.target(), "target") == Target.RECRUITER;
        return HttpResponse.status(HttpStatus.ACCEPTED).body(cases.proposeListing(actor.getName(), id, recruiter,
                body.reasonCategory(), body.reason(), body.legalBasis(), body.expiresOn()));
    }

    @Post("/{id}/sanction-proposals")
    @Secured(Roles.INVESTIGATOR)
    @Operation(summary = "From a substantiated case: propose a sanction of its agency (WARNING, FINE, SUSPENSION, REVOCATION)")
    HttpResponse<Proposal> proposeSanction(Authentication actor, @PathVariable long id, @Body SanctionInput body) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(cases.proposeSanction(actor.getName(), id, body.kind(),
                body.reason(), body.legalBasis(), body.amount(), body.currency()));
    }

    private enum Target { AGENCY, RECRUITER }
}
