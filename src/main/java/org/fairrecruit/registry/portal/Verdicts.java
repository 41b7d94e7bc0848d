package org.fairrecruit.registry.portal;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Says a {@link Standing} in the reader's language, e.g. "Licensed until 12 March 2028". */
@Singleton
class Verdicts {
    private final MessageSource messages;

    Verdicts(MessageSource messages) {
        this.messages = messages;
    }

    String say(Standing standing, @Nullable LocalDate validUntil, Locale locale) {
        return text(standing.messageKey(), locale, validUntil == null ? "" : date(validUntil, locale));
    }

    /** Day, month name, year in the reader's language ("12 March 2028", "12 मार्च 2028"). */
    String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM uuuu", locale).format(date);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }
}
