package org.fairrecruit.registry.reporting;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** The printable monthly report: each chart of the dashboard as its title and text summary, on one A4 page. */
@Singleton
class MonthlyReport {
    private final Reports reports;
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final Clock clock;

    MonthlyReport(Reports reports, DocumentRenderer renderer, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] pdf(ReportFilter filter, Locale locale) {
        ReportTexts texts = new ReportTexts(messages, locale);
        String title = texts.get("report.monthly.title", texts.month(filter.to()));
        OnePageDocument document = OnePageDocument.a4(locale, title).title(title)
                .paragraph(texts.get("report.monthly.filter", filter.destination() == null ? texts.get("report.any")
                        : filter.destination(), filter.category() == null ? texts.get("report.any")
                        : texts.get("complaint.category." + filter.category()), filter.agency() == null
                        ? texts.get("report.any") : PublicId.AGENCY.of(filter.agency())));
        reports.dashboard(filter, locale).forEach(chart -> document.row(chart.title(), chart.summary()));
        return renderer.render(document.smallPrint(texts.get("document.printed", LocalDate.now(clock).toString())));
    }
}
