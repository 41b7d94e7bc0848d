package org.fairrecruit.registry.portal;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says a {@link Standing} in the reader's language, e.g. "Licensed until 12 March 2028", and every
 * date and time the public reads, times in the regulator's zone with its offset (people share
 * screenshots across borders).
 */
@Singleton
class Verdicts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final MessageSource messages;
    private final ZoneId zone;
    // A pattern is parsed once per language, not once per date shown (a page shows up to dozens).
    private final Map<Locale, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();
    private final Map<Locale, Map<String, String>> countryNames = new ConcurrentHashMap<>();

    Verdicts(MessageSource messages, @Property(name = "registry.time-zone") String zone) {
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    String say(Standing standing, @Nullable LocalDate validUntil, Locale locale) {
        return text(standing.messageKey(), locale, validUntil == null ? "" : date(validUntil, locale));
    }

    /** The verdict as a page shows it; {@code nextStepKey} null where the page gives no advice (what a certificate said). */
    PortalPages.Banner banner(Standing standing, @Nullable LocalDate validUntil, @Nullable String nextStepKey, Locale locale) {
        return new PortalPages.Banner(say(standing, validUntil, locale), standing.tone().name().toLowerCase(Locale.ROOT),
                nextStepKey == null ? null : text(nextStepKey, locale));
    }

    /** Day, month name, year in the reader's language ("12 March 2028", "12 मार्च 2028"). */
    String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? "" : dateFormats.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("d MMMM uuuu", l)).format(date);
    }

    /** The name of the country with this ISO code in the reader's language, e.g. "Qatar". */
    String country(String code, Locale locale) {
        return countryNames.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> new Locale("", c).getDisplayCountry(locale));
    }

    /** The regulator's calendar day of an instant. */
    LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** "1 December 2026, 17:42 UTC+08:00". */
    String moment(Instant instant, Locale locale) {
        return date(day(instant), locale) + ", " + TIME.format(instant.atZone(zone))
                + " " + offset(instant);
    }

    /** "UTC+08:00", the zone's offset now. */
    String offset(Instant instant) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        return "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }
}
