package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection: a random token in an HttpOnly SameSite=Strict cookie must come
 * back in the form field {@value #FIELD} (or the header {@value #HEADER}, or for multipart forms the
 * query parameter) of every state-changing request that a browser could be tricked into sending:
 * anything carrying the session cookie, and any form post outside /api.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfProtection {
    static final String COOKIE = "REGISTRY_CSRF";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "registry.csrf";
    private static final String NEW_TOKEN = "registry.csrf.new";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FilterBodyParser bodyParser;
    private final String sessionCookie;
    private final boolean secureCookies;

    CsrfProtection(FilterBodyParser bodyParser,
                   @Property(name = "micronaut.security.token.cookie.cookie-name") String sessionCookie,
                   @Property(name = "registry.security.secure-cookies") boolean secureCookies) {
        this.bodyParser = bodyParser;
        this.sessionCookie = sessionCookie;
        this.secureCookies = secureCookies;
    }

    // Reading a form body means waiting for it, so this runs off the event loop.
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        Optional<String> cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        String token = cookieToken.orElseGet(CsrfProtection::newToken);
        request.setAttribute(ATTRIBUTE, token);
        if (cookieToken.isEmpty()) {
            request.setAttribute(NEW_TOKEN, token);
        }
        if (SAFE.contains(request.getMethod()) || !needsToken(request)) {
            return null;
        }
        String submitted = submittedToken(request);
        if (cookieToken.isEmpty() || submitted == null || !constantTimeEquals(submitted, cookieToken.get())) {
            throw new RegistryException.Forbidden("error.csrf");
        }
        return null;
    }

    @ResponseFilter
    void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_TOKEN, String.class).ifPresent(token -> response.cookie(Cookie.of(COOKIE, token)
                .httpOnly(true).secure(secureCookies).sameSite(SameSite.Strict).path("/")));
    }

    private boolean needsToken(HttpRequest<?> request) {
        if (request.getCookies().findCookie(sessionCookie).isPresent()) {
            return true;
        }
        boolean form = request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
        return form && !request.getPath().startsWith("/api/");
    }

    private @Nullable String submittedToken(HttpRequest<?> request) {
        Optional<String> direct = request.getHeaders().findFirst(HEADER)
                .or(() -> request.getParameters().getFirst(FIELD));
        if (direct.isPresent()) {
            return direct.get();
        }
        boolean urlEncoded = request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (!urlEncoded) {
            return null;
        }
        Object value;
        try {
            value = bodyParser.parseBody(request).join().get(FIELD);
        } catch (RuntimeException malformed) {
            // A body that is not valid form encoding ("%%%") is the client's mistake, not ours.
            throw new RegistryException.BadRequest("error.form.malformed");
        }
        return value == null ? null : value.toString();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
