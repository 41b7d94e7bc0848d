package org.fairrecruit.registry.reporting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.RegistryException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The back-office dashboard, each chart's data as CSV, and the printable monthly report. */
@Controller("/staff/reports")
@Secured({Roles.ADMIN, Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
@Hidden
class ReportsController {
    private final Reports reports;
    private final MonthlyReport monthly;
    private final Languages languages;
    private final Clock clock;

    ReportsController(Reports reports, MonthlyReport monthly, Languages languages, Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.monthly = monthly;
        this.languages = languages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> dashboard(HttpRequest<?> request, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @Nullable @QueryValue String destination,
                                                @Nullable @QueryValue String category, @Nullable @QueryValue String agency) {
        Map<String, String> form = form(from, to, destination, category, agency);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("categories", Category.values());
        try {
            ReportFilter filter = reports.filter(form);
            List<Chart> charts = reports.dashboard(filter, languages.resolve(request));
            model.put("charts", charts);
            model.put("query", filter.query());
            model.put("month", filter.to());
            model.put("monthName", reports.monthName(filter.to(), languages.resolve(request)));
            model.put("errors", Map.of());
        } catch (InvalidInput invalid) {
            model.put("charts", List.of());
            model.put("errors", invalid.byField());
        }
        return new ModelAndView<>("reporting/dashboard", model);
    }

    @Get("/{chart}.csv")
    @Produces({"text/csv", MediaType.ALL})
    HttpResponse<byte[]> csv(HttpRequest<?> request, @PathVariable String chart, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String destination,
                             @Nullable @QueryValue String category, @Nullable @QueryValue String agency) {
        ReportFilter filter = reports.filter(form(from, to, destination, category, agency));
        Chart found = reports.dashboard(filter, languages.resolve(request)).stream().filter(c -> c.id().equals(chart))
                .findFirst().orElseThrow(() -> new RegistryException.NotFound("chart", chart));
        return HttpResponse.ok(ChartCsv.of(found).getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + found.id() + ".csv\"");
    }

    @Get("/monthly.pdf")
    @Produces({"application/pdf", MediaType.ALL})
    HttpResponse<byte[]> monthlyReport(HttpRequest<?> request, @Nullable @QueryValue String month,
                                       @Nullable @QueryValue String destination, @Nullable @QueryValue String category,
                                       @Nullable @QueryValue String agency) {
        String chosen = month == null || month.isBlank() ? YearMonth.now(clock).toString() : month;
        ReportFilter filter = reports.filter(form(chosen, chosen, destination, category, agency));
        Locale locale = languages.resolve(request);
        return HttpResponse.ok(monthly.pdf(filter, locale))
                .header("Content-Disposition", "attachment; filename=\"report-" + filter.to() + ".pdf\"");
    }

    private static Map<String, String> form(String from, String to, String destination, String category, String agency) {
        Map<String, String> form = new HashMap<>();
        form.put("from", from);
        form.put("to", to);
        form.put("destination", destination);
        form.put("category", category);
        form.put("agency", agency);
        return form;
    }
}
