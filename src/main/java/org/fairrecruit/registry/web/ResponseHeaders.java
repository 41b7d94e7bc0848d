package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/**
 * Security headers on every response, and the language cookie when {@code ?lang=} chose a language.
 * The CSP allows no inline script or style: pages work without JavaScript and load only our own assets.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ResponseHeaders {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final Languages languages;
    private final boolean hsts;
    private final boolean secureCookies;

    ResponseHeaders(Languages languages, @Property(name = "registry.security.hsts") boolean hsts,
                    @Property(name = "registry.security.secure-cookies") boolean secureCookies) {
        this.languages = languages;
        this.hsts = hsts;
        this.secureCookies = secureCookies;
    }

    @ResponseFilter
    void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.add("Content-Security-Policy", CSP);
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("X-Frame-Options", "DENY");
        // Not "no-referrer": browsers then send "Origin: null" with our own form posts, which
        // the server's CORS check refuses. "same-origin" still tells other sites nothing.
        headers.add("Referrer-Policy", "same-origin");
        headers.add("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hsts && servedOverTls(request)) {
            headers.add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        languages.requested(request).ifPresent(lang -> response.cookie(Cookie.of(Languages.COOKIE, lang)
                .path("/").maxAge(java.time.Duration.ofDays(365)).sameSite(SameSite.Lax).secure(secureCookies)));
    }

    /** Behind the ingress TLS ends at the proxy, which says so in X-Forwarded-Proto. */
    private static boolean servedOverTls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
