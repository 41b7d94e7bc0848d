package org.fairrecruit.registry.intake;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The reporter's receipt (PDF) in their language: the reference, the follow-up code, where to use
 * them and that the code is the only key. Nothing of the report itself, so a found receipt tells
 * nobody what was reported.
 */
@Singleton
class ReportReceipt {
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final String publicBaseUrl;

    ReportReceipt(DocumentRenderer renderer, MessageSource messages,
                  @Property(name = "registry.public-base-url") String publicBaseUrl) {
        this.renderer = renderer;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl;
    }

    byte[] render(String reference, String code, Instant receivedAt, Locale locale) {
        String statusUrl = publicBaseUrl + "/report/status";
        return renderer.render(OnePageDocument.a4(locale, text("intake.receipt.title", locale))
                .title(text("intake.receipt.title", locale))
                .banner(OnePageDocument.Tone.NEUTRAL, text("intake.receipt.onlyKey", locale))
                .row(text("intake.reference", locale), reference)
                .row(text("intake.followUpCode", locale), code)
                .row(text("intake.receipt.received", locale),
                        date(receivedAt, locale))
                .paragraph(text("intake.receipt.howTo", locale, statusUrl))
                .qrCode(statusUrl, statusUrl)
                .smallPrint(text("intake.receipt.keepSafe", locale)));
    }

    /** Day, month name, year in the reader's language, as the portal writes dates. */
    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM uuuu", locale).format(instant.atZone(ZoneOffset.UTC));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }
}
