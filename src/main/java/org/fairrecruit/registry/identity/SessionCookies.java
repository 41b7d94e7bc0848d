package org.fairrecruit.registry.identity;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Issues the signed session token, as an HttpOnly cookie for browsers or as a bearer token for the API. */
@Singleton
class SessionCookies {
    private final TokenGenerator tokens;
    private final AccessTokenCookieConfiguration cookie;
    private final SecuritySettings settings;

    SessionCookies(TokenGenerator tokens, AccessTokenCookieConfiguration cookie, SecuritySettings settings) {
        this.tokens = tokens;
        this.cookie = cookie;
        this.settings = settings;
    }

    String token(Authentication authentication) {
        return tokens.generateToken(authentication, (int) lifetime().toSeconds())
                .orElseThrow(() -> new IllegalStateException("no token generator configured"));
    }

    Duration lifetime() {
        return settings.sessionLifetime();
    }

    /** The session a signed-in request belongs to (its token's session id). */
    static String sessionId(Authentication user) {
        return String.valueOf(user.getAttributes().get(StaffClaims.SESSION));
    }

    Cookie sessionCookie(Authentication authentication) {
        return configure(Cookie.of(cookie.getCookieName(), token(authentication))).maxAge(lifetime());
    }

    Cookie expiredCookie() {
        return configure(Cookie.of(cookie.getCookieName(), "")).maxAge(0);
    }

    private Cookie configure(Cookie c) {
        c.httpOnly(cookie.isCookieHttpOnly().orElse(true))
                .secure(cookie.isCookieSecure().orElse(true))
                .path(cookie.getCookiePath().orElse("/"));
        cookie.getCookieSameSite().ifPresent(c::sameSite);
        return c;
    }
}
