package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Back-office pages of cases: the queue (oldest due first among open cases) and one case with its forms. */
@Controller("/staff/complaints")
@Produces(MediaType.TEXT_HTML)
@Hidden
class ComplaintController {
    private static final String CASE = "complaint/case";
    private final ComplaintCases cases;
    private final OutcomeDecisions outcomes;

    ComplaintController(ComplaintCases cases, OutcomeDecisions outcomes) {
        this.cases = cases;
        this.outcomes = outcomes;
    }

    @Serdeable
    record MoveForm(@Nullable String to, @Nullable String reason) {
    }

    @Serdeable
    record NoteForm(@Nullable String text) {
    }

    @Serdeable
    record OutcomeForm(@Nullable String outcome, @Nullable String publicReason, @Nullable String publicRemarks,
                       @Nullable String internalNote) {
    }

    @Get
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", cases.list(ListQuery.of(ComplaintCases.LIST, request)));
        model.put("statuses", ComplaintStatus.values());
        model.put("categories", Category.values());
        return new ModelAndView<>("complaint/list", model);
    }

    /** The filtered queue as CSV: case facts only, never the complainant's contact details. */
    @Get("/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = cases.list(ListQuery.of(ComplaintCases.LIST, request).everything()).items().stream()
                .<List<?>>map(c -> Arrays.asList(c.reference(), c.channel().name(), c.category().name(), c.status().name(),
                        c.outcome() == null ? null : c.outcome().name(), c.recruiterName(), c.assignedTo(),
                        c.receivedAt().toString(), c.dueOn() == null ? null : c.dueOn().toString(), c.overdue()))
                .toList();
        return CsvExport.download("complaints.csv", List.of("reference", "channel", "category", "status", "outcome",
                "recruiter", "assignedTo", "receivedAt", "dueOn", "overdue"), rows);
    }

    @Get("/{id}")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> show(Authentication viewer, @PathVariable long id) {
        return page(viewer, id, Map.of(), null);
    }

    @Post("/{id}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> contact(Authentication viewer, @PathVariable long id) {
        Optional<Contact> contact = cases.contact(viewer.getName(), id);
        return page(viewer, id, Map.of(), contact.orElse(new Contact(null, null, null, null)));
    }

    @Post("/{id}/moves")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.INVESTIGATOR)
    HttpResponse<?> move(Authentication actor, @PathVariable long id, @Body MoveForm form) {
        return act(actor, id, () -> cases.move(actor.getName(), id,
                Forms.choice(ComplaintStatus.class, "to", form.to()), form.reason()));
    }

    @Post("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.INVESTIGATOR)
    HttpResponse<?> note(Authentication actor, @PathVariable long id, @Body NoteForm form) {
        return act(actor, id, () -> cases.note(actor.getName(), id, form.text(), null));
    }

    @Post("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.INVESTIGATOR)
    HttpResponse<?> outcome(Authentication actor, @PathVariable long id, @Body OutcomeForm form) {
        return act(actor, id, () -> {
            Outcome outcome = Forms.choice(Outcome.class, "outcome", form.outcome());
            CaseView.Statement statement = new CaseView.Statement(
                    Forms.choice(PublicReason.class, "publicReason", form.publicReason()), form.publicRemarks(), null);
            if (outcome == null) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("outcome", "field.required")));
            }
            if (outcome == Outcome.SUBSTANTIATED) {
                outcomes.propose(actor.getName(), id, statement, form.internalNote());
            } else {
                cases.close(actor.getName(), id, outcome, statement, form.internalNote());
            }
        });
    }

    private HttpResponse<?> act(Authentication actor, long id, Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/staff/complaints/" + id));
        } catch (InvalidInput invalid) {
            Map<String, InvalidInput.FieldError> errors = new HashMap<>();
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field().replace("publicStatement.reason", "publicReason")
                    .replace("publicStatement.remarks", "publicRemarks"), e));
            return HttpResponse.badRequest(page(actor, id, errors, null));
        }
    }

    private ModelAndView<Map<String, Object>> page(Authentication viewer, long id, Map<String, InvalidInput.FieldError> errors,
                                                   Contact contact) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", cases.view(viewer, id));
        model.put("errors", errors);
        model.put("contact", contact);
        model.put("moves", List.of(ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_INVESTIGATION));
        model.put("outcomes", Outcome.values());
        model.put("reasons", PublicReason.values());
        return new ModelAndView<>(CASE, model);
    }
}
