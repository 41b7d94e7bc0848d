package org.fairrecruit.registry.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.List;

/**
 * The one rule for "page or data?" wherever a route or an error can answer both: a page when the
 * client asks for HTML at least as much as for JSON (browsers do, QR-scanner apps open a browser);
 * anything else (no Accept, {@code *}{@code /*}, JSON, garbage) gets data, never a 5xx for want of an
 * encoder. Under {@code /api/} it is always data.
 */
public final class ContentNegotiation {
    private static final MediaType XHTML = MediaType.of("application/xhtml+xml");

    private ContentNegotiation() {
    }

    public static boolean prefersHtml(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return false;
        }
        List<MediaType> accepted = request.getHeaders().accept();
        double html = quality(accepted, MediaType.TEXT_HTML_TYPE, XHTML);
        return html > 0 && html >= quality(accepted, MediaType.APPLICATION_JSON_TYPE, MediaType.APPLICATION_JSON_TYPE);
    }

    private static double quality(List<MediaType> accepted, MediaType type, MediaType alias) {
        return accepted.stream()
                .filter(a -> a.getType().equals(type.getType()) && a.getSubtype().equals(type.getSubtype())
                        || a.getType().equals(alias.getType()) && a.getSubtype().equals(alias.getSubtype()))
                .mapToDouble(a -> a.getQualityAsNumber().doubleValue())
                .max().orElse(0);
    }
}
