package org.fairrecruit.registry.intake;

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
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.Contact;
import org.fairrecruit.registry.complaint.IntakeCases;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The investigators' side of the channel: new web reports waiting for triage, and per report the
 * conversation with the reporter, a form to write to them, and the audited view of their contact.
 */
@Controller("/staff/intake")
@Produces(MediaType.TEXT_HTML)
@Hidden
class StaffReportPages {

    @Serdeable
    record Letter(@Nullable String body, @Nullable String lang) {
    }

    private final HotlineReports reports;
    private final IntakeCases cases;

    StaffReportPages(HotlineReports reports, IntakeCases cases) {
        this.reports = reports;
        this.cases = cases;
    }

    @Get
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", cases.reports(Channel.WEB, ListQuery.of(IntakeCases.REPORTS, request)));
        model.put("statuses", ComplaintStatus.values());
        model.put("categories", Category.values());
        return new ModelAndView<>("intake/staff-queue", model);
    }

    /** The filtered queue as CSV: what the list shows, never the reporter's contact details. */
    @Get("/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = cases.reports(Channel.WEB, ListQuery.of(IntakeCases.REPORTS, request).everything()).items()
                .stream().<List<?>>map(c -> List.of(c.reference(), c.category().name(), c.status().name(), c.language(),
                        c.receivedAt().toString())).toList();
        return CsvExport.download("reports.csv", List.of("reference", "category", "status", "language", "receivedAt"),
                rows);
    }

    @Get("/{id}")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> show(@PathVariable long id) {
        return page(id, Map.of(), null, null);
    }

    @Post("/{id}/messages")
    @Secured(Roles.INVESTIGATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> write(Authentication staff, @PathVariable long id, @Body Letter letter) {
        try {
            reports.writeToReporter(id, staff.getName(), letter.body(), letter.lang());
            return HttpResponse.seeOther(URI.create("/staff/intake/" + id));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(page(id, invalid.byField(), letter, null));
        }
    }

    @Post("/{id}/contact")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> contact(Authentication staff, @PathVariable long id) {
        reports.report(id);
        return page(id, Map.of(), null, cases.viewContact(id, staff.getName()));
    }

    private ModelAndView<Map<String, Object>> page(long id, Map<String, InvalidInput.FieldError> errors, Letter letter,
                                                   @Nullable Optional<Contact> contact) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", reports.report(id));
        model.put("errors", errors);
        model.put("letter", letter == null ? new Letter("", null) : letter);
        // null: not opened; empty: opened, and the reporter left none.
        model.put("contact", contact);
        return new ModelAndView<>("intake/staff-report", model);
    }
}
