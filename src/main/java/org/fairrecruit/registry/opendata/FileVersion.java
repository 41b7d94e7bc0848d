package org.fairrecruit.registry.opendata;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.fairrecruit.registry.changefeed.FeedPosition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The validators of every open data file, derived from the change feed (every public change
 * appends to it in its own transaction) and the date (listings leave the blacklist when their
 * expiry date passes, before any row says so). Nothing is rendered to answer a 304, and every
 * replica computes the same validators from the same database.
 *
 * The ETag is weak: two renderings of one version differ in their {@code generatedAt}.
 */
record FileVersion(String etag, Instant lastModified) {

    static FileVersion of(FeedPosition feed, LocalDate today) {
        Instant startOfDay = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant newest = feed.newestAt() == null || feed.newestAt().isBefore(startOfDay) ? startOfDay : feed.newestAt();
        return new FileVersion("W/\"" + feed.lastId() + "-" + feed.recentCount() + "-" + today + "\"",
                newest.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 9110 §13.1: If-None-Match (weak comparison) wins; If-Modified-Since only without it. */
    boolean notModified(HttpRequest<?> request) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(FileVersion::opaque).anyMatch(opaque(etag)::equals);
        }
        String ifModifiedSince = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    <T> MutableHttpResponse<T> describe(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
