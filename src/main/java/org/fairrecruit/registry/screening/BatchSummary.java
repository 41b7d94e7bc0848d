package org.fairrecruit.registry.screening;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;
import org.fairrecruit.registry.identity.ApiClient;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The summary PDF an employer keeps as evidence: what was screened, what the registry answered in
 * counts, the SHA-256 of the results file, and a verification code (with its QR code) that
 * /screening/verify/{code} confirms.
 */
@Singleton
class BatchSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final ScreeningBatches batches;
    private final EvidenceCodes codes;
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final String publicBaseUrl;

    BatchSummary(ScreeningBatches batches, EvidenceCodes codes, DocumentRenderer renderer, MessageSource messages,
                 @Property(name = "registry.public-base-url") String publicBaseUrl) {
        this.batches = batches;
        this.codes = codes;
        this.renderer = renderer;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    byte[] pdf(ApiClient client, long batchId, Locale locale) {
        BatchStatus status = batches.finished(client, batchId);
        EvidenceCodes.Evidence evidence = new EvidenceCodes.Evidence(batchId, client.organisation(), status.rowsTotal(),
                status.matches(), status.possibles(), status.noMatches(), status.resultsSha256(), status.finishedAt());
        String code = codes.sign(evidence);
        String url = publicBaseUrl + "/screening/verify/" + code;
        OnePageDocument document = OnePageDocument.a4(locale, t(locale, "screening.summary.title"))
                .title(t(locale, "screening.summary.title"))
                .paragraph(t(locale, "screening.summary.lead"))
                .row(t(locale, "screening.summary.batch"), Long.toString(batchId))
                .row(t(locale, "screening.summary.organisation"), client.organisation())
                .row(t(locale, "screening.summary.submitted"), TIME.format(status.createdAt()))
                .row(t(locale, "screening.summary.completed"), TIME.format(status.finishedAt()))
                .row(t(locale, "screening.summary.names"), Integer.toString(status.rowsTotal()))
                .row(t(locale, "screening.summary.matches"), Integer.toString(status.matches()))
                .row(t(locale, "screening.summary.possibles"), Integer.toString(status.possibles()))
                .row(t(locale, "screening.summary.noMatches"), Integer.toString(status.noMatches()))
                .row(t(locale, "screening.summary.sha256"), status.resultsSha256())
                .row(t(locale, "screening.summary.code"), code)
                .qrCode(url, t(locale, "screening.summary.scan") + "\n" + url)
                .smallPrint(t(locale, "screening.summary.smallPrint"));
        return renderer.render(document);
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
