package org.fairrecruit.registry.reporting;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.web.Languages;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Public statistics: the page, the API and the open-data CSV, all from the same suppressed figures. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Public")
class StatisticsController {
    private final PublicStatistics statistics;
    private final Languages languages;

    StatisticsController(PublicStatistics statistics, Languages languages) {
        this.statistics = statistics;
        this.languages = languages;
    }

    @Get("/statistics")
    @Produces(MediaType.TEXT_HTML)
    @View("reporting/statistics")
    @Hidden
    Map<String, Object> page(HttpRequest<?> request) {
        Locale locale = languages.resolve(request);
        PublicStatistics.Statistics figures = statistics.statistics(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("statistics", figures);
        model.put("period", statistics.period(locale));
        model.put("charts", statistics.charts(figures, locale));
        return model;
    }

    @Get("/api/v1/public/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public aggregates: licences by status, complaints per month and category, proven prohibited"
            + " fees by destination per currency; counts below 5 shown as \"fewer than 5\"")
    PublicStatistics.Statistics api(HttpRequest<?> request) {
        return statistics.statistics(languages.resolve(request));
    }

    @Get("/opendata/statistics.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Operation(summary = "The public statistics as CSV: one line per chart, row and series")
    HttpResponse<byte[]> csv(HttpRequest<?> request) {
        Locale locale = languages.resolve(request);
        String csv = ChartCsv.longForm(statistics.charts(statistics.statistics(locale), locale));
        return HttpResponse.ok(csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"statistics.csv\"");
    }
}
