package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Rejects session tokens of disabled accounts or issued before the account's access changed. */
@Singleton
class StaffClaims implements GenericJwtClaimsValidator<HttpRequest<?>> {
    static final String NAME = "name";
    static final String TOKEN_VERSION = "tv";
    private final IdentityService identity;

    StaffClaims(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(TOKEN_VERSION);
        return subject != null && version instanceof Number number
                && identity.sessionStillValid(subject.toString(), number.intValue());
    }
}
