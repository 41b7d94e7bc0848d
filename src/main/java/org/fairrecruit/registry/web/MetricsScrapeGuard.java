package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.RegistryException;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /prometheus} shows per-route counts, which tell an outsider what is used and how: only a
 * scraper presenting {@code registry.metrics.scrape-token} as a bearer token sees it. Everyone else,
 * and everyone when no token is configured, gets 404, as for a route that does not exist.
 */
@ServerFilter("/prometheus/**")
class MetricsScrapeGuard {
    private final byte[] expected;

    MetricsScrapeGuard(@Property(name = "registry.metrics.scrape-token") String token) {
        this.expected = token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        String presented = request.getHeaders().get("Authorization");
        if (expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        throw new RegistryException.NotFound("Route", request.getPath());
    }
}
