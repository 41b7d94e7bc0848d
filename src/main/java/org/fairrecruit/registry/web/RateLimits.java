package org.fairrecruit.registry.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-client token buckets (bucket4j), one per rate class, answering 429 with Retry-After
 * (problem+json, or the error page for browsers). The class comes from the normalised path, so
 * "/Search/", "//search" or "/%73earch" spend the same budget as "/search". Every path is limited
 * except static files, probes, the scrape endpoint and staff areas (which need a signed-in user);
 * a public route added later is therefore limited without being listed here.
 * <p>
 * In-process and per replica: N replicas allow N times the rate, acceptable for a first line of
 * defence; the ingress limits globally.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RateLimits implements Ordered {
    /** What a request costs the service decides its budget. */
    enum RateClass {
        /** Public pages and the public API. */
        PUBLIC,
        /** Whole open data files, megabytes each. */
        OPEN_DATA_FILE,
        /** A password check (Argon2id) each. */
        SIGN_IN
    }

    // Clients seen recently; the least recently seen is forgotten first, so memory stays bounded.
    private static final int CLIENTS = 50_000;
    private final Map<RateClass, Long> perMinute;
    private final String clientHeader;
    private final ErrorResponseProcessor<?> errors;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CLIENTS;
        }
    });

    RateLimits(@Property(name = "registry.public-rate-limit.requests-per-minute") long publicPerMinute,
               @Property(name = "registry.public-rate-limit.open-data-files-per-minute") long filesPerMinute,
               @Property(name = "registry.public-rate-limit.sign-ins-per-minute") long signInsPerMinute,
               @Property(name = "registry.public-rate-limit.client-header") String clientHeader,
               ErrorResponseProcessor<?> errors) {
        this.perMinute = Map.of(RateClass.PUBLIC, publicPerMinute, RateClass.OPEN_DATA_FILE, filesPerMinute,
                RateClass.SIGN_IN, signInsPerMinute);
        this.clientHeader = clientHeader;
        this.errors = errors;
    }

    /** Before security and CSRF: a refused request costs no token check and no body parsing. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        RateClass rateClass = classOf(request.getMethod(), normalised(request.getPath()));
        if (rateClass == null) {
            return null;
        }
        long limit = perMinute.get(rateClass);
        ConsumptionProbe probe = buckets.computeIfAbsent(rateClass + " " + client(request), key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS))
                .header("Retry-After", Long.toString(retryAfter));
    }

    /** The rate class of a normalised path, or null for what is not limited. */
    @Nullable
    static RateClass classOf(HttpMethod method, String path) {
        if (path.equals("/login") || path.equals("/api/v1/staff/tokens")) {
            return method == HttpMethod.POST ? RateClass.SIGN_IN : RateClass.PUBLIC;
        }
        if (path.startsWith("/opendata/")) {
            return RateClass.OPEN_DATA_FILE;
        }
        if (path.equals("/ping") || path.equals("/prometheus") || path.equals("/audit") || path.equals("/staff")
                || startsWithSegment(path, "/static", "/health", "/openapi", "/staff", "/admin", "/audit", "/api/v1/staff")) {
            return null;
        }
        return RateClass.PUBLIC;
    }

    private static boolean startsWithSegment(String path, String... prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path as a router could read it, whatever its spelling: percent-decoded (repeatedly, so
     * double encoding does not help), lower case, backslashes as slashes, no empty or "." segments,
     * no ";" parameters, no trailing slash.
     */
    static String normalised(String rawPath) {
        String path = rawPath;
        for (int i = 0; i < 3 && path.indexOf('%') >= 0; i++) {
            path = percentDecoded(path);
        }
        path = path.toLowerCase(Locale.ROOT).replace('\\', '/');
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                out.append('/').append(segment);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** Decodes %XX escapes (as bytes of UTF-8 text); a malformed escape is kept as it is. */
    private static String percentDecoded(String path) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int hi = i + 2 < path.length() && c == '%' ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Behind a proxy, the last X-Forwarded-For entry is the one the proxy itself added: not forgeable. */
    private String client(HttpRequest<?> request) {
        if (!clientHeader.isBlank()) {
            String forwarded = request.getHeaders().get(clientHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
