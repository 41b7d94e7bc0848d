package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.RegistryException;

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

import io.micronaut.web.router.RouteAttributes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for every state-changing request a browser could be tricked into sending (anything
 * carrying the session cookie, and any form post outside /api). With a session, the token is an HMAC
 * of the session token, so it is bound to that session, changes at every sign-in, and every replica
 * derives the same one; before sign-in it is a random value double-submitted with an HttpOnly
 * SameSite=Strict cookie. It is accepted only in the form field {@value #FIELD} or the header
 * {@value #HEADER}, never in the address (which leaks into logs and Referer headers).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CsrfProtection {
    static final String COOKIE = "REGISTRY_CSRF";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "registry.csrf";
    private static final String NEW_TOKEN = "registry.csrf.new";
    private static final String IN_MULTIPART_BODY = "registry.csrf.multipart";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FilterBodyParser bodyParser;
    private final String sessionCookie;
    private final boolean secureCookies;
    private final SecretKeySpec sessionKey;

    CsrfProtection(FilterBodyParser bodyParser,
                   @Property(name = "micronaut.security.token.cookie.cookie-name") String sessionCookie,
                   @Property(name = "registry.security.secure-cookies") boolean secureCookies,
                   @Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String jwtSecret) {
        this.bodyParser = bodyParser;
        this.sessionCookie = sessionCookie;
        this.secureCookies = secureCookies;
        this.sessionKey = new SecretKeySpec(sha256("registry-csrf|" + jwtSecret), "HmacSHA256");
    }

    /**
     * For a {@link CsrfInMultipartBody} action: refuses the request unless the form's token field matches.
     * Does nothing when the filter already checked the token (it came in the header, or none was needed).
     */
    public static void requireMultipartToken(HttpRequest<?> request, @Nullable String submitted) {
        if (request.getAttribute(IN_MULTIPART_BODY).isEmpty()) {
            return;
        }
        String expected = request.getAttribute(ATTRIBUTE, String.class).orElse(null);
        if (submitted == null || expected == null || !constantTimeEquals(submitted, expected)) {
            throw new RegistryException.Forbidden("error.csrf");
        }
    }

    // Reading a form body means waiting for it, so this runs off the event loop.
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        Optional<String> session = request.getCookies().findCookie(sessionCookie).map(Cookie::getValue)
                .filter(value -> !value.isBlank());
        Optional<String> cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        String expected = session.map(this::sessionToken).orElseGet(() -> cookieToken.orElseGet(CsrfProtection::newToken));
        request.setAttribute(ATTRIBUTE, expected);
        if (session.isEmpty() && cookieToken.isEmpty()) {
            request.setAttribute(NEW_TOKEN, expected);
        }
        if (SAFE.contains(request.getMethod()) || !needsToken(request)) {
            return null;
        }
        boolean issued = session.isPresent() || cookieToken.isPresent();
        Optional<String> header = request.getHeaders().findFirst(HEADER);
        if (header.isEmpty() && isMultipart(request) && multipartChecksItself(request)) {
            request.setAttribute(IN_MULTIPART_BODY, true);
            return null;
        }
        String submitted = header.orElseGet(() -> formField(request));
        if (!issued || submitted == null || !constantTimeEquals(submitted, expected)) {
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

    private static boolean isMultipart(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
    }

    private static boolean multipartChecksItself(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getRouteInfo().getAnnotationMetadata().hasAnnotation(CsrfInMultipartBody.class))
                .orElse(false);
    }

    private @Nullable String formField(HttpRequest<?> request) {
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

    private String sessionToken(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sessionKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
