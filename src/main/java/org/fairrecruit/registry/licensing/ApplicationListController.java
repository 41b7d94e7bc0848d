package org.fairrecruit.registry.licensing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.kernel.ListQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every licence application, filtered by status, kind and filing officer, with its decision due date. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/applications")
@Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
@Hidden
class ApplicationListController {
    private final ApplicationReview review;
    private final Clock clock;

    ApplicationListController(ApplicationReview review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    @Get
    @View("licensing/applications")
    Map<String, Object> list(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", review.list(ListQuery.of(ApplicationReview.LIST, request)));
        model.put("statuses", Application.Status.values());
        model.put("kinds", Application.Kind.values());
        model.put("today", LocalDate.now(clock));
        return model;
    }

    @Get("/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = review.list(ListQuery.of(ApplicationReview.LIST, request).everything()).items().stream()
                .<List<?>>map(a -> Arrays.asList(a.id(), a.agencyName(), a.licenceNumber(), a.kind().name(),
                        a.status().name(), a.filedBy(), a.filedOn().toString(), a.dueOn().toString()))
                .toList();
        return CsvExport.download("applications.csv", List.of("id", "agency", "licenceNumber", "kind", "status",
                "filedBy", "filedOn", "dueOn"), rows);
    }
}
