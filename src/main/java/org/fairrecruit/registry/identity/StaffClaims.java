package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Rejects tokens whose session was ended, whose account is disabled, or issued before its access changed. */
@Singleton
class StaffClaims implements GenericJwtClaimsValidator<HttpRequest<?>> {
    static final String NAME = "name";
    static final String TOKEN_VERSION = "tv";
    static final String SESSION = "sid";
    private final IdentityService identity;

    StaffClaims(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(TOKEN_VERSION);
        Object session = claims.get(SESSION);
        return subject != null && session != null && version instanceof Number number
                && identity.sessionStillValid(session.toString(), subject.toString(), number.intValue());
    }
}
